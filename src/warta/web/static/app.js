// warta: the only script of the pages. The legend of an article page shows or hides each
// kind of highlight; everything else works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("text");
  document.querySelectorAll("input[data-toggle]").forEach((box) => {
    box.addEventListener("change", () => {
      text.classList.toggle("hide-" + box.dataset.toggle, !box.checked);
    });
  });
});
