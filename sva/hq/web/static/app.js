// The dashboard's only script (the Content-Security-Policy allows no inline code): a select
// marked data-autosubmit submits its form when changed; without script the OK button does.
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target.matches && target.matches("select[data-autosubmit]") && target.form) {
    target.form.submit();
  }
});
