"""HQ side of SVA: server, storage, programme planning and figures."""
