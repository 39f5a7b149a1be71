// Any other shop: used only when the buyer turns on "any site" (and grants the permission), or on
// http://127.0.0.1 / localhost for testing. It knows no markup, so it looks for what most shops share:
// schema.org microdata and Open Graph for the product, a review/comment textarea or a contenteditable box,
// and, failing those, the box the buyer is typing in or the largest one on the page (`fallback`).
export default {
  id: "generic",
  name: "",
  layout: "text",
  hosts: [],
  paths: [],
  fallback: "focused-or-largest",
  product: {
    title: ["[itemtype$='/Product'] [itemprop='name']", "meta[property='og:title']@content", "h1", "title"],
    idFromUrl: [],
    id: ["[itemprop='sku']@content", "[itemprop='sku']", "[itemprop='productID']"],
    seller: ["[itemprop='seller'] [itemprop='name']", "[itemprop='brand'] [itemprop='name']", "meta[property='og:site_name']@content"],
  },
  rating: [
    "input[type='radio'][name*='rating' i][value='{n}']",
    "[role='radiogroup'] [role='radio'][aria-label^='{n} ']",
    "[role='radiogroup'] [role='radio']",
  ],
  fields: {
    text: [
      "textarea[name*='review' i]",
      "[contenteditable='true'][aria-label*='отзыв' i]",
      "[contenteditable='true'][aria-label*='review' i]",
      "textarea[name*='comment' i]",
      "label:отзыв|review|комментарий|comment",
    ],
  },
};
