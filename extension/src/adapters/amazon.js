// Amazon (www.amazon.com, .co.uk, .de). Data only (see ozon.js for why it must stay JSON-serialisable).
//
// Verified in public userscripts that fill Amazon's review form (Vine review autofill, 2024): the form is
// /review/create-review?asin=<ASIN>; its container `.ryp__review-form`; the headline is the input
// `#scarface-review-title-label`, the review the textarea `#scarface-review-text-card-title` (both React-
// controlled: the scripts use the native value setter + input event, as fill.js does); the stars are five
// `.ryp__star__button` buttons, the Nth gives N stars; submitting is `[data-hook="ryp-review-submit-button"]`.
// Verified elsewhere (scrapers): product pages /dp/<ASIN>, `#productTitle`, `input#ASIN`, `#bylineInfo`,
// `#sellerProfileTriggerId`. Assumed: the product title hook on the review page (`[data-hook="ryp-product-title"]`).
export default {
  id: "amazon",
  name: "Amazon",
  layout: "body",
  hosts: ["amazon.com", "amazon.co.uk", "amazon.de"],
  paths: ["^/review/create-review", "^/reviews/", "^/(?:[^/]+/)?dp/[A-Z0-9]{10}", "^/gp/product/[A-Z0-9]{10}"],
  product: {
    title: ["#productTitle", "[data-hook='ryp-product-title']", ".ryp__product-title", "meta[name='title']@content", "h1"],
    idFromUrl: ["[?&]asin=([A-Z0-9]{10})", "/dp/([A-Z0-9]{10})", "/gp/product/([A-Z0-9]{10})"],
    id: ["input#ASIN@value", "input[name='ASIN']@value"],
    idPattern: "([A-Z0-9]{10})",
    seller: ["#sellerProfileTriggerId", "#merchant-info a", "#bylineInfo"],
  },
  rating: [".ryp__review-form .ryp__star__button", ".ryp__star__button", "[role='radio'][aria-label^='{n} star']"],
  fields: {
    title: ["#scarface-review-title-label", ".ryp__review-form input[type='text']", "label:headline|title|заголовок"],
    body: ["#scarface-review-text-card-title", ".ryp__review-form textarea", "label:written review|review"],
  },
};
