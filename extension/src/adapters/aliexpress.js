// AliExpress (aliexpress.ru, www.aliexpress.com). Data only (see ozon.js for why it must stay JSON-serialisable).
//
// Verified in public scrapers (the search index): product pages are /item/<id>.html (older /store/product/...).
// Recalled, not re-verified: the title `h1[data-pl="product-title"]` and store link `[data-pl="store-name"]`
// on aliexpress.com; aliexpress.ru renders its own React markup with hashed classes, so we fall back to
// og:title, the first h1 and links to /store/.
// Assumed: the review form is one box («Ваш отзыв» / "Your feedback") with five star buttons.
export default {
  id: "aliexpress",
  name: "AliExpress",
  layout: "text",
  hosts: ["aliexpress.ru", "aliexpress.com"],
  paths: ["^/item/\\d+\\.html", "^/store/product/", "/(?:reviews?|feedback)(?:[/.?]|$)"],
  product: {
    title: ["h1[data-pl='product-title']", "[data-spm='title'] h1", "meta[property='og:title']@content", "h1"],
    idFromUrl: ["^/item/(\\d+)\\.html", "[?&]productId=(\\d+)", "/(\\d{10,})(?:\\.html)?"],
    id: [],
    seller: ["[data-pl='store-name']", "a[data-pl='store-name']", "a[href*='/store/'][title]@title", "a[href*='/store/']"],
  },
  rating: [
    "[role='radiogroup'][aria-label*='ценк'] [role='radio']",
    "[role='radiogroup'][aria-label*='ating'] [role='radio']",
    "input[type='radio'][name='rating'][value='{n}']",
  ],
  fields: {
    text: ["textarea[name='feedback']", "textarea[name='review']", "textarea[placeholder*='отзыв' i]", "textarea[placeholder*='feedback' i]", "label:отзыв|feedback|review"],
  },
};
