// Wildberries (www.wildberries.ru). Data only (see ozon.js for why it must stay JSON-serialisable).
//
// Verified in public scrapers (the search index): product pages are /catalog/<nmId>/detail.aspx; the title
// is `h1.product-page__title` (a BEM class, not a hash); the seller is `.seller-info__name` (a link when
// the seller has a storefront). Recalled, not re-verified: the article number in `#productNmId`.
// Assumed: the review form (a React form in the buyer's account, /lk/... or a dialog on the card). Its
// fields are matched by the placeholders and labels the buyer sees, which WB has kept for years:
// «Достоинства», «Недостатки», «Комментарий»; the stars by their radio role or 1..5 values.
export default {
  id: "wildberries",
  name: "Wildberries",
  layout: "sections",
  hosts: ["wildberries.ru"],
  paths: ["^/catalog/\\d+/(?:detail\\.aspx|feedbacks)", "^/lk/(?:discussion|feedback|myorders)"],
  product: {
    title: ["h1.product-page__title", "[data-link*='goodsName']", "meta[property='og:title']@content", "h1"],
    idFromUrl: ["^/catalog/(\\d+)/", "[?&]nmId=(\\d+)"],
    id: ["#productNmId"],
    idPattern: "(\\d{5,})",
    seller: [".seller-info__name", "[class*='seller-info__name']", "a[href*='/seller/']"],
  },
  rating: [
    "[role='radiogroup'][aria-label*='Оценк'] [role='radio']",
    "input[type='radio'][name='rating'][value='{n}']",
    ".feedback__rating-stars button",
  ],
  fields: {
    pros: ["textarea[name='pros']", "textarea[placeholder^='Достоинства']", "label:Достоинства"],
    cons: ["textarea[name='cons']", "textarea[placeholder^='Недостатки']", "label:Недостатки"],
    comment: ["textarea[name='comment']", "textarea[placeholder^='Комментарий']", "label:Комментарий"],
  },
};
