// Яндекс Маркет (market.yandex.ru). Data only (see ozon.js for why it must stay JSON-serialisable).
//
// Verified in public scrapers (the search index): product pages are /product--<slug>/<id> and /card/<slug>/<id>;
// the title is `h1[data-auto="productCardTitle"]` (older: `h1[data-additional-zone="title"]`). Market tags its
// widgets with `data-auto` and `data-zone-name`, which we prefer to classes (those are hashed).
// Assumed: the seller hook (`data-auto="shop-info-title"` / a /business--... link) and the review form's
// hooks: Market's opinion API names the three parts pro, contra and comment, so those names come first,
// then the placeholders and labels the buyer reads.
export default {
  id: "yandex_market",
  name: "Яндекс Маркет",
  layout: "sections",
  hosts: ["market.yandex.ru"],
  paths: ["^/product--[^/]+/\\d+", "^/card/[^/]+/\\d+", "^/product/\\d+", "^/my/reviews", "/reviews/add"],
  product: {
    title: ["h1[data-auto='productCardTitle']", "h1[data-additional-zone='title']", "meta[property='og:title']@content", "h1"],
    idFromUrl: ["^/(?:product--[^/]+|card/[^/]+|product)/(\\d+)"],
    id: ["[data-auto='product-sku']"],
    idPattern: "(\\d{5,})",
    seller: ["[data-auto='shop-info-title']", "[data-zone-name='shop-name']", "a[href*='/business--']"],
  },
  rating: [
    "[data-auto='review-form-rating'] [role='radio']",
    "[role='radiogroup'][aria-label*='Оценк'] [role='radio']",
    "input[type='radio'][name='rating'][value='{n}']",
  ],
  fields: {
    pros: ["textarea[name='pro']", "[data-auto='review-form-pro'] textarea", "textarea[placeholder^='Достоинства']", "label:Достоинства"],
    cons: ["textarea[name='contra']", "[data-auto='review-form-contra'] textarea", "textarea[placeholder^='Недостатки']", "label:Недостатки"],
    comment: ["textarea[name='comment']", "[data-auto='review-form-comment'] textarea", "textarea[placeholder^='Комментарий']", "label:Комментарий"],
  },
};
