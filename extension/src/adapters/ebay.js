// eBay (www.ebay.com, www.ebay.co.uk). Data only (see ozon.js for why it must stay JSON-serialisable).
//
// Verified in public scrapers (the search index): listings are /itm/[<slug>/]<itemId>; the title is
// `h1.x-item-title__mainTitle` (text in `.ux-textspans`), older `#itemTitle`; product reviews live under
// /urw/<slug>/product-reviews/<epid>?_itm=<itemId>, where "Write a review" leads.
// Recalled, not re-verified: the seller card `.x-sellercard-atf__info__about-seller`.
// Assumed: the write-review form's hooks (a headline input and a review textarea, five star radios), matched
// by name, then by the labels the buyer reads.
export default {
  id: "ebay",
  name: "eBay",
  layout: "body",
  hosts: ["ebay.com", "ebay.co.uk"],
  paths: ["^/itm/", "^/urw/", "^/p/\\d+"],
  product: {
    title: ["h1.x-item-title__mainTitle .ux-textspans", "h1.x-item-title__mainTitle", "#itemTitle", "meta[property='og:title']@content", "h1"],
    idFromUrl: ["^/itm/(?:[^/?]+/)?(\\d{9,})", "[?&]_itm=(\\d{9,})", "/product-reviews/(\\d+)", "^/p/(\\d+)"],
    id: [],
    seller: [".x-sellercard-atf__info__about-seller a .ux-textspans", ".x-sellercard-atf__info__about-seller", "[data-testid='x-sellercard-atf'] a"],
  },
  rating: [
    "input[type='radio'][name='rating'][value='{n}']",
    "[role='radiogroup'] [role='radio'][aria-label^='{n} ']",
    "[role='radiogroup'] [role='radio']",
  ],
  fields: {
    title: ["input[name='reviewTitle']", "input#review-title", "label:title|headline"],
    body: ["textarea[name='reviewText']", "textarea#review-text", "label:write your review|review"],
  },
};
