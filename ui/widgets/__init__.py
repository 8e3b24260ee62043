"""Small reusable widgets and painted pieces of the SVA window."""
