// wagtail-modeltranslation's language switcher reads "View / edit fields for" with bare codes
// (FR, EN, HY): its heading in the admin's language, each language named in itself. The
// buttons keep their code as text, which the switcher reads back.
(() => {
  const data = document.getElementById("masis-language-switcher");
  if (!data || typeof wagtailModelTranslations === "undefined") return;
  const switcher = JSON.parse(data.textContent);
  // Read when the switcher is built, once the page is ready: set before.
  wagtailModelTranslations.viewEditString = switcher.heading;
  jQuery(() => {
    document.querySelectorAll(".locale-picker button.locale-toggle").forEach((button) => {
      const code = button.textContent.trim();
      const name = switcher.names[code];
      if (!name) return;
      button.setAttribute("aria-label", name);
      button.setAttribute("lang", code);
      button.dataset.languageName = name;
      button.classList.add("locale-toggle--named");
    });
  });
})();
