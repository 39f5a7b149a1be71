// Ozon (www.ozon.ru). Data only: background.js hands this object to scripting.executeScript, so it must
// stay JSON-serialisable (regexes are strings, matched against location.pathname + location.search).
//
// Verified in public scrapers and userscripts (the search index, 2024-2025): the product page lives under
// /product/<slug>-<sku>/; the title is `[data-widget="webProductHeading"] h1`; the seller block is
// `[data-widget="webCurrentSeller"]` with a link to /seller/...; the SKU sits in `[data-widget="webDetailSKU"]`.
// Assumed (no public copy of the form's markup was found): the review form's hooks. Ozon renders it from a
// widget (we guess `data-widget="webReviewForm"`/`webCreateReview`), so the placeholders and labels that a
// buyer reads ("Достоинства", "Недостатки", "Комментарий") are the candidates that survive a redesign.
export default {
  id: "ozon",
  name: "Ozon",
  layout: "sections",
  hosts: ["ozon.ru"],
  paths: ["^/product/", "^/my/reviews", "^/reviews?/"],
  product: {
    title: ["[data-widget='webProductHeading'] h1", "h1[data-widget='webProductHeading']", "meta[property='og:title']@content", "h1"],
    idFromUrl: ["^/product/(?:[^/?]*-)?(\\d{5,})/?", "[?&]sku=(\\d{5,})"],
    id: ["[data-widget='webDetailSKU']"],
    idPattern: "(\\d{5,})",
    seller: [
      "[data-widget='webCurrentSeller'] a[href*='/seller/'] [title]@title",
      "[data-widget='webCurrentSeller'] a[href*='/seller/']",
      "[data-widget*='CurrentSeller'] a[href*='/seller/']",
    ],
  },
  rating: [
    "[data-widget='webReviewForm'] [role='radio'][aria-label^='{n} ']",
    "[data-widget='webCreateReview'] [role='radio'][aria-label^='{n} ']",
    "[role='radiogroup'][aria-label*='Оценк'] [role='radio']",
    "input[type='radio'][name='rating'][value='{n}']",
  ],
  fields: {
    pros: [
      "[data-widget='webReviewForm'] textarea[name='positive']",
      "textarea[placeholder^='Достоинства']",
      "label:Достоинства",
    ],
    cons: [
      "[data-widget='webReviewForm'] textarea[name='negative']",
      "textarea[placeholder^='Недостатки']",
      "label:Недостатки",
    ],
    comment: [
      "[data-widget='webReviewForm'] textarea[name='comment']",
      "textarea[placeholder^='Комментарий']",
      "label:Комментарий",
    ],
  },
};
