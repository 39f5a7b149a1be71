"""Marshmallow schemas of the consumer groups' endpoints (submissions, stats, export)."""
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from .. import prompts
from ..export import FORMATS
from .schemas import MAX_TEXT_LENGTH


class ProductSchema(Schema):
    url = fields.Url(load_default=None, validate=validate.Length(max=2000), metadata={"example": "https://www.ozon.ru/product/123456/"})
    title = fields.String(load_default=None, validate=validate.Length(max=300), metadata={"example": "Платье миди"})
    external_id = fields.String(load_default=None, validate=validate.Length(max=100), metadata={"example": "123456"})

    @validates_schema
    def names_the_product(self, data, **kwargs):
        if not any((data.get(key) or "").strip() for key in ("url", "title", "external_id")):
            raise ValidationError("Give the product's url, external_id or title.", "_schema")


class SubmissionSchema(Schema):
    language = fields.String(
        required=True,
        validate=validate.OneOf(prompts.languages(), error="No guided flow in {input!r}; use one of: {choices}."),
        metadata={"description": "The language the answers were given in (their flow).", "example": "ru"},
    )
    marketplace = fields.String(
        load_default="generic",
        validate=validate.OneOf(tuple(prompts.forms()), error="Unknown marketplace {input!r}; use one of: {choices}."),
        metadata={"example": "ozon"},
    )
    product = fields.Nested(ProductSchema, required=True)
    seller = fields.String(load_default=None, validate=validate.Length(max=200), metadata={"example": "ООО Ромашка"})
    rating = fields.Integer(
        load_default=None, validate=validate.Range(1, 5),
        metadata={"description": "Optional: when given, must equal answers.rating."},
    )
    answers = fields.Dict(
        keys=fields.String(), required=True, metadata={"description": "Step id -> answer, as for POST /api/v1/compose."}
    )
    text = fields.String(
        load_default=None, validate=validate.Length(max=MAX_TEXT_LENGTH),
        metadata={"description": "The final review, if the buyer wants to share it. Personal data is removed before storing."},
    )


class SubmissionCreatedSchema(Schema):
    id = fields.Integer(required=True)


class FiltersSchema(Schema):
    marketplace = fields.String(load_default=None, metadata={"example": "ozon"})
    seller = fields.String(load_default=None, metadata={"description": "Exactly as submitted (see by_seller)."})
    product = fields.String(load_default=None, metadata={"description": "A product key, as in by_product[].product."})
    since = fields.Date(load_default=None, metadata={"description": "First day included (UTC), e.g. 2026-10-01."})
    until = fields.Date(load_default=None, metadata={"description": "Last day included (UTC)."})

    @validates_schema
    def in_order(self, data, **kwargs):
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise ValidationError("Must not be before since.", "until")


class ExportQuerySchema(FiltersSchema):
    format = fields.String(load_default="csv", validate=validate.OneOf(tuple(FORMATS)), metadata={"example": "csv"})


class ShareSchema(Schema):
    count = fields.Integer(required=True)
    share = fields.Float(required=True, metadata={"description": "Of the submissions counted, 0 to 1."})


class OptionCountSchema(Schema):
    id = fields.String(required=True)
    label = fields.String(required=True)
    count = fields.Integer(required=True)


class StanceSchema(Schema):
    yes = fields.Nested(ShareSchema, required=True)
    no = fields.Nested(ShareSchema, required=True)
    unknown = fields.Nested(ShareSchema, required=True, metadata={"description": "Not answered."})
    options = fields.List(fields.Nested(OptionCountSchema), required=True)


class RatingSchema(Schema):
    average = fields.Float(allow_none=True, required=True)
    distribution = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True, metadata={"example": {"1": 4, "2": 7, "3": 1, "4": 0, "5": 2}})


class ReasonSchema(Schema):
    kind = fields.String(required=True)
    kind_label = fields.String(required=True)
    reason = fields.String(required=True)
    label = fields.String(required=True)
    count = fields.Integer(required=True)
    share = fields.Float(required=True)


class BreakdownFields(Schema):
    count = fields.Integer(required=True)
    average_rating = fields.Float(allow_none=True, required=True)
    recommend_share = fields.Float(required=True)


class SellerSchema(BreakdownFields):
    seller = fields.String(allow_none=True, required=True)


class ProductFiguresSchema(BreakdownFields):
    product = fields.String(required=True)
    title = fields.String(allow_none=True, required=True)
    marketplace = fields.String(required=True)


class WeekSchema(Schema):
    week = fields.String(required=True, metadata={"description": "The Monday the week starts on."})
    count = fields.Integer(required=True)
    average_rating = fields.Float(allow_none=True, required=True)


class GroupInfoSchema(Schema):
    slug = fields.String(required=True)
    name = fields.String(required=True)
    language = fields.String(required=True)


class StatsSchema(Schema):
    group = fields.Nested(GroupInfoSchema, required=True)
    count = fields.Integer(required=True)
    rating = fields.Nested(RatingSchema, required=True)
    recommend = fields.Nested(StanceSchema, required=True)
    buy_again = fields.Nested(StanceSchema, required=True)
    unmet_expectations = fields.Nested(ShareSchema, required=True)
    reasons = fields.List(fields.Nested(ReasonSchema), required=True)
    by_seller = fields.List(fields.Nested(SellerSchema), required=True)
    by_product = fields.List(fields.Nested(ProductFiguresSchema), required=True)
    weekly = fields.List(fields.Nested(WeekSchema), required=True)
