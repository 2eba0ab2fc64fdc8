"""Records of every collection (items, users, posts, comments) in one DynamoDB table through boto3
(docs/STORAGE.md: key design, conditions, cursor format). One `DynamoItemStore` serves one `Collection`.

Every write that must not lose a race is a single conditional request (`ConditionExpression` on `version`
and on the item being live) or a transaction, so DynamoDB itself decides which writer wins. Imported only
when STORAGE=dynamodb; the client is created on first use (chalicelib/storage/aws.py).
"""

from __future__ import annotations

import logging
import math
import os
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from boto3.dynamodb.types import Binary, TypeDeserializer, TypeSerializer
from botocore.exceptions import BotoCoreError, ClientError

from chalicelib.storage import aws
from chalicelib.storage.base import (
    ITEMS,
    AlreadyExists,
    Collection,
    InvalidCursor,
    NotFound,
    Page,
    Record,
    StorageError,
    VersionConflict,
)
from chalicelib.storage.common import (
    Filters,
    check_limit,
    decode_cursor,
    default_cursor_secret,
    encode_cursor,
    idempotency_hash,
    iso,
    item_data,
    make_filters,
    search_texts,
    utc_now,
    valid_id,
)

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

log = logging.getLogger(__name__)

# -- the table -----------------------------------------------------------------------------------------

# A record of collection c: PK = c.key_prefix + id, SK = c.sort_key (items: ITEM#<id> / ITEM).
IDEMPOTENCY_PREFIX = "IDEMPOTENCY#"  # PK of a create's idempotency marker: IDEMPOTENCY#<sha256(key)>
IDEMPOTENCY_SK = "IDEMPOTENCY"  # SK of an item's marker; other collections: IDEMPOTENCY#<list partition>
# sparse GSI over live records: ListPK = c.list_partition, ListSK = <20-digit ns>#<id>
LIST_INDEX = "ByCreation"
# sparse GSI over soft-deleted records: PurgePK = DELETED#<c.list_partition>, PurgeSK = <deleted_at>#<id>
PURGE_INDEX = "ByDeletion"
#: Where items soft-deleted before collections existed wait: `purge_deleted` of ITEMS still reads it.
LEGACY_PURGE_PARTITION = "DELETED"
TTL_ATTRIBUTE = "ExpiresAt"  # epoch seconds on idempotency markers; DynamoDB TTL removes them

#: The table, as CreateTable arguments (bootstrap.py) and, in docs/STORAGE.md, as CloudFormation.
TABLE_DEFINITION: dict[str, Any] = {
    "BillingMode": "PAY_PER_REQUEST",
    "AttributeDefinitions": [
        {"AttributeName": name, "AttributeType": "S"}
        for name in ("PK", "SK", "ListPK", "ListSK", "PurgePK", "PurgeSK")
    ],
    "KeySchema": [
        {"AttributeName": "PK", "KeyType": "HASH"},
        {"AttributeName": "SK", "KeyType": "RANGE"},
    ],
    "GlobalSecondaryIndexes": [
        {
            "IndexName": LIST_INDEX,
            "KeySchema": [
                {"AttributeName": "ListPK", "KeyType": "HASH"},
                {"AttributeName": "ListSK", "KeyType": "RANGE"},
            ],
            "Projection": {"ProjectionType": "ALL"},
        },
        {
            "IndexName": PURGE_INDEX,
            "KeySchema": [
                {"AttributeName": "PurgePK", "KeyType": "HASH"},
                {"AttributeName": "PurgeSK", "KeyType": "RANGE"},
            ],
            "Projection": {"ProjectionType": "KEYS_ONLY"},
        },
    ],
}

_CURSOR_KIND = "dynamodb"
_CURSOR_KEYS = frozenset({"PK", "SK", "ListPK", "ListSK"})
_ORDER_RE = re.compile(r"\d{20}#(.+)")
_FILTERED_CHUNK = 100  # items read per query while filters are on (Limit counts items BEFORE the filter)
_MAX_CHUNK = 1000
_CREATE_ATTEMPTS = 5

# -- numbers: DynamoDB has one Number type; boto3 wants Decimal and gives Decimal back -----------------

_serializer = TypeSerializer()
_deserializer = TypeDeserializer()


def _to_dynamo(value: Any) -> Any:
    """JSON-ready value -> what TypeSerializer accepts: floats as `Decimal(str(x))` (exact digits)."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} cannot be stored: DynamoDB numbers are finite")
        return Decimal(str(value))
    if isinstance(value, Mapping):
        return {str(k): _to_dynamo(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_to_dynamo(v) for v in value]
    return value


def _from_dynamo(value: Any) -> Any:
    """TypeDeserializer output -> JSON-ready: integral Decimals become int, others float."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and int(value.as_tuple().exponent) >= 0:
            return int(value)
        return float(value)
    if isinstance(value, dict):
        return {k: _from_dynamo(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_dynamo(v) for v in value]
    if isinstance(value, set | frozenset):  # never written by this store; sorted for determinism
        return sorted(_from_dynamo(v) for v in value)
    if isinstance(value, Binary):
        blob: Any = value  # the stubs type Binary.__bytes__ as returning str
        return bytes(blob)
    return value


def serialize(value: Any) -> dict[str, Any]:
    """A JSON-ready value as a DynamoDB AttributeValue."""
    result: Any = _serializer.serialize(_to_dynamo(value))
    return dict(result)


def deserialize(attribute: Mapping[str, Any]) -> Any:
    """A DynamoDB AttributeValue as a JSON-ready value."""
    raw: Any = dict(attribute)
    return _from_dynamo(_deserializer.deserialize(raw))


class _Expr:
    """Placeholders for one request's expressions: every attribute name through `#n` (so reserved words
    such as `name`, `status` or `data` are safe) and every value through `:v`; only used ones are sent."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.values: dict[str, dict[str, Any]] = {}

    def n(self, attribute: str) -> str:
        placeholder = "#" + attribute
        self.names[placeholder] = attribute
        return placeholder

    def v(self, value: Any) -> str:
        placeholder = f":v{len(self.values)}"
        self.values[placeholder] = serialize(value)
        return placeholder

    def live(self, expected_version: int | None = None) -> str:
        """The item exists, is not soft-deleted and, when asked, is at `expected_version`."""
        condition = f"attribute_exists({self.n('PK')}) AND attribute_not_exists({self.n('deleted_at')})"
        if expected_version is None:
            return condition
        if expected_version == 0:  # a record the removed unversioned `put` wrote has no version yet
            return f"{condition} AND attribute_not_exists({self.n('version')})"
        return f"{condition} AND {self.n('version')} = {self.v(expected_version)}"

    def bump(self) -> str:
        """`SET` clause: version + 1 (a record without one, from the removed `put`, starts from 0)."""
        version = self.n("version")
        return f"{version} = if_not_exists({version}, {self.v(0)}) + {self.v(1)}"

    def kwargs(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if self.names:
            found["ExpressionAttributeNames"] = self.names
        if self.values:
            found["ExpressionAttributeValues"] = self.values
        return found


def _code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def _marker_sort_key(collection: Collection) -> str:
    """Idempotency keys are per collection; the items' markers keep their pre-collection key."""
    if collection.list_partition == ITEMS.list_partition:
        return IDEMPOTENCY_SK
    return f"{IDEMPOTENCY_SK}#{collection.list_partition}"


def search_attribute(field: str) -> str:
    """The attribute holding the casefolded copy of a search field: `name` -> `SearchName`."""
    return "Search" + field[:1].upper() + field[1:]


class _OrderKeys:
    """`<20-digit epoch ns>#<id>`: creation order, strictly increasing within a process."""

    def __init__(self) -> None:
        self._last = 0
        self._lock = threading.Lock()

    def __call__(self, item_id: str) -> str:
        with self._lock:
            self._last = max(time.time_ns(), self._last + 1)
            return f"{self._last:020d}#{item_id}"


_order_key = _OrderKeys()


class DynamoItemStore:
    """The ItemStore of one collection (items by default) in the table `table_name`."""

    def __init__(
        self,
        table_name: str,
        *,
        collection: Collection = ITEMS,
        client: DynamoDBClient | None = None,
        clock: Callable[[], datetime] = utc_now,
        idempotency_ttl: timedelta = timedelta(hours=24),
        cursor_secret: bytes | None = None,
    ) -> None:
        if not table_name:
            raise ValueError("DynamoItemStore needs a table name (TABLE_NAME)")
        self.table_name = table_name
        self.collection = collection
        self._client = client
        self._clock = clock
        self._idempotency_ttl = int(idempotency_ttl.total_seconds())
        self._secret = cursor_secret if cursor_secret is not None else default_cursor_secret()

    @property
    def client(self) -> DynamoDBClient:
        if self._client is None:
            self._client = aws.client("dynamodb")  # first use, not import: cold starts stay cheap
        return self._client

    # -- writes -------------------------------------------------------------------------------------

    def create(self, item: Record, idempotency_key: str | None = None) -> tuple[Record, bool]:
        data = item_data(item)
        attributes = self._item_attributes(data)
        record = self._record(attributes)
        if idempotency_key is None:
            expr = _Expr()
            try:
                self.client.put_item(
                    TableName=self.table_name,
                    Item=attributes,
                    ConditionExpression=f"attribute_not_exists({expr.n('PK')})",
                    **expr.kwargs(),
                )
            except ClientError as error:
                if _code(error) == "ConditionalCheckFailedException":
                    raise AlreadyExists(data["id"]) from None
                raise
            return record, True
        return self._create_idempotent(data["id"], attributes, record, idempotency_hash(idempotency_key))

    def _create_idempotent(
        self, item_id: str, attributes: dict[str, Any], record: Record, key_hash: str
    ) -> tuple[Record, bool]:
        """One transaction writes the item and the key's marker, each only if absent (an expired marker
        counts as absent): concurrent retries cannot both create. The loser replays the marker's record."""
        marker_key = {
            "PK": {"S": IDEMPOTENCY_PREFIX + key_hash},
            "SK": {"S": _marker_sort_key(self.collection)},
        }
        for attempt in range(_CREATE_ATTEMPTS):
            now = int(self._clock().timestamp())
            item_expr, marker_expr = _Expr(), _Expr()
            marker = {
                **marker_key,
                "ItemId": {"S": item_id},
                "Snapshot": serialize(dict(record)),
                TTL_ATTRIBUTE: {"N": str(now + self._idempotency_ttl)},
            }
            put_item: Any = {
                "TableName": self.table_name,
                "Item": attributes,
                "ConditionExpression": f"attribute_not_exists({item_expr.n('PK')})",
                **item_expr.kwargs(),
            }
            put_marker: Any = {
                "TableName": self.table_name,
                "Item": marker,
                "ConditionExpression": (
                    f"attribute_not_exists({marker_expr.n('PK')})"
                    f" OR {marker_expr.n(TTL_ATTRIBUTE)} < {marker_expr.v(now)}"
                ),
                **marker_expr.kwargs(),
            }
            try:
                self.client.transact_write_items(TransactItems=[{"Put": put_item}, {"Put": put_marker}])
                return record, True
            except ClientError as error:
                if _code(error) != "TransactionCanceledException":
                    raise
                reasons = [r.get("Code") for r in error.response.get("CancellationReasons", [])]
            item_taken = bool(reasons) and reasons[0] == "ConditionalCheckFailed"
            key_used = len(reasons) > 1 and reasons[1] == "ConditionalCheckFailed"
            if key_used or not reasons:  # some servers do not report reasons: look
                first = self._replay(marker_key, now)
                if first is not None:
                    return first, False
            if item_taken or (not reasons and self._exists(item_id)):
                raise AlreadyExists(item_id)
            # a concurrent transaction on the same key (TransactionConflict) or an expired marker: again
            time.sleep(0.02 * 2**attempt)
        raise StorageError(f"create with an idempotency key did not settle after {_CREATE_ATTEMPTS} attempts")

    def _exists(self, item_id: str) -> bool:
        found = self.client.get_item(TableName=self.table_name, Key=self._key(item_id), ConsistentRead=True)
        return "Item" in found

    def _replay(self, marker_key: dict[str, Any], now: int) -> Record | None:
        marker = self.client.get_item(TableName=self.table_name, Key=marker_key, ConsistentRead=True).get(
            "Item"
        )
        if marker is None or int(deserialize(marker[TTL_ATTRIBUTE])) < now:
            return None
        first: Record = deserialize(marker["Snapshot"])
        return first

    def replace(self, item_id: str, item: Record, expected_version: int | None = None) -> Record:
        if not valid_id(item_id):
            raise NotFound(item_id)
        data = item_data(item, item_id)
        expr = _Expr()
        sets, removes = self._data_clauses(expr, data)
        sets.append(expr.bump())
        return self._update(item_id, expected_version, expr, sets, removes)

    def delete(self, item_id: str, expected_version: int | None = None) -> bool:
        if not valid_id(item_id):
            return False
        now = iso(self._clock())
        expr = _Expr()
        sets = [
            f"{expr.n('deleted_at')} = {expr.v(now)}",
            expr.bump(),
            f"{expr.n('PurgePK')} = {expr.v(self.collection.purge_partition)}",
            f"{expr.n('PurgeSK')} = {expr.v(f'{now}#{item_id}')}",
        ]
        try:
            # leaving ByCreation (sparse index) means lists never read tombstones
            self._update(item_id, expected_version, expr, sets, [expr.n("ListPK"), expr.n("ListSK")])
        except NotFound:
            return False
        return True

    def set_image(
        self, item_id: str, key: str, content_type: str, size: int, expected_version: int | None = None
    ) -> Record:
        if not valid_id(item_id):
            raise NotFound(item_id)
        expr = _Expr()
        image = {"key": key, "content_type": content_type, "size": size}
        sets = [f"{expr.n('image')} = {expr.v(image)}", expr.bump()]
        return self._update(item_id, expected_version, expr, sets, [])

    def clear_image(self, item_id: str, expected_version: int | None = None) -> Record:
        if not valid_id(item_id):
            raise NotFound(item_id)
        expr = _Expr()
        return self._update(item_id, expected_version, expr, [expr.bump()], [expr.n("image")])

    def _update(
        self, item_id: str, expected_version: int | None, expr: _Expr, sets: list[str], removes: list[str]
    ) -> Record:
        """One conditional UpdateItem on a live item (at `expected_version` when given); the new record."""
        update = "SET " + ", ".join(sets) + (" REMOVE " + ", ".join(removes) if removes else "")
        try:
            response = self.client.update_item(
                TableName=self.table_name,
                Key=self._key(item_id),
                UpdateExpression=update,
                ConditionExpression=expr.live(expected_version),
                ReturnValues="ALL_NEW",
                ReturnValuesOnConditionCheckFailure="ALL_OLD",
                **expr.kwargs(),
            )
        except ClientError as error:
            if _code(error) != "ConditionalCheckFailedException":
                raise
            raise self._why(item_id, expected_version, error) from None
        return self._record(response["Attributes"])

    def _why(self, item_id: str, expected_version: int | None, error: ClientError) -> StorageError:
        """Which condition failed, from the item as it was (returned with the error, else read now)."""
        response: Any = error.response
        old: Mapping[str, Any] | None = response.get("Item")  # the item as it was (ALL_OLD)
        if old is None:
            old = self.client.get_item(
                TableName=self.table_name, Key=self._key(item_id), ConsistentRead=True
            ).get("Item")
        if old is None or "deleted_at" in old or expected_version is None:
            return NotFound(item_id)
        return VersionConflict(
            item_id, expected_version, int(deserialize(old["version"])) if "version" in old else 0
        )

    def purge_deleted(self, older_than: datetime, on_purged: Callable[[str], None] | None = None) -> int:
        cutoff = iso(older_than)
        purged = 0
        partitions = [self.collection.purge_partition]
        if self.collection == ITEMS:  # tombstones written before collections existed
            partitions.append(LEGACY_PURGE_PARTITION)
        for partition in partitions:
            start: dict[str, Any] | None = None
            while True:
                expr = _Expr()
                query: dict[str, Any] = {
                    "TableName": self.table_name,
                    "IndexName": PURGE_INDEX,
                    "KeyConditionExpression": (
                        f"{expr.n('PurgePK')} = {expr.v(partition)} AND {expr.n('PurgeSK')} < {expr.v(cutoff)}"
                    ),
                    **expr.kwargs(),
                }
                if start is not None:
                    query["ExclusiveStartKey"] = start
                response = self.client.query(**query)
                for keys in response.get("Items", []):
                    item_id = self._id_of(keys)
                    if item_id is None:
                        continue  # not a record of this collection (cannot happen with this code's writes)
                    if self._purge(item_id, cutoff):
                        purged += 1
                        if on_purged is not None:
                            on_purged(item_id)
                start = response.get("LastEvaluatedKey")
                if not start:
                    break
        return purged

    def _purge(self, item_id: str, cutoff: str) -> bool:
        guard = _Expr()
        try:
            self.client.delete_item(
                TableName=self.table_name,
                Key=self._key(item_id),
                ConditionExpression=f"{guard.n('deleted_at')} < {guard.v(cutoff)}",
                **guard.kwargs(),
            )
        except ClientError as error:
            if _code(error) == "ConditionalCheckFailedException":
                return False  # purged by a concurrent purge and created anew meanwhile: not ours
            raise
        return True

    # -- reads --------------------------------------------------------------------------------------

    def get(self, item_id: str) -> Record | None:
        if not valid_id(item_id):
            return None
        found = self.client.get_item(
            TableName=self.table_name, Key=self._key(item_id), ConsistentRead=True
        ).get("Item")
        if found is None or "deleted_at" in found:
            return None
        return self._record(found)

    def list_page(
        self,
        limit: int,
        cursor: str | None = None,
        tags: Sequence[str] | None = None,
        status: str | None = None,
        q: str | None = None,
    ) -> Page:
        """Query ByCreation until `limit + 1` matches are in hand or the index is exhausted: DynamoDB
        applies `Limit` before the FilterExpression, so one query may return few or no matches. The
        extra match only tells whether a next page exists; the cursor is the key of the last one returned."""
        check_limit(limit)
        filters = make_filters(tags, status, q, self.collection.search_fields)
        start = None if cursor is None else self._start_key(decode_cursor(cursor, _CURSOR_KIND, self._secret))
        found: list[dict[str, Any]] = []
        while True:
            wanted = limit + 1 - len(found)
            expr = _Expr()
            query: dict[str, Any] = {
                "TableName": self.table_name,
                "IndexName": LIST_INDEX,
                "KeyConditionExpression": f"{expr.n('ListPK')} = {expr.v(self.collection.list_partition)}",
                "ScanIndexForward": True,
                "Limit": min(_MAX_CHUNK, max(wanted, _FILTERED_CHUNK) if filters.active else wanted),
            }
            condition = _filter_expression(expr, filters)
            if condition:
                query["FilterExpression"] = condition
            query.update(expr.kwargs())
            if start is not None:
                query["ExclusiveStartKey"] = start
            response = self.client.query(**query)
            found.extend(response.get("Items", [])[:wanted])
            if len(found) > limit:
                last = found[limit - 1]
                position = {name: last[name]["S"] for name in sorted(_CURSOR_KEYS)}
                records: list[Record] = [self._record(attributes) for attributes in found[:limit]]
                return Page(records, encode_cursor(_CURSOR_KIND, position, self._secret))
            start = response.get("LastEvaluatedKey")
            if not start:
                rest: list[Record] = [self._record(attributes) for attributes in found]
                return Page(rest, None)

    def ping(self) -> bool:
        try:
            self.client.get_item(
                TableName=self.table_name, Key={"PK": {"S": "HEALTH#ping"}, "SK": {"S": "HEALTH"}}
            )
        except (ClientError, BotoCoreError) as error:
            log.warning("DynamoDB table %s unreachable: %s", self.table_name, error)
            return False
        return True

    # -- keys and records ---------------------------------------------------------------------------

    def _key(self, item_id: str) -> dict[str, Any]:
        return {"PK": {"S": self.collection.key_prefix + item_id}, "SK": {"S": self.collection.sort_key}}

    def _id_of(self, keys: Mapping[str, Any]) -> str | None:
        """The id of a record of this collection from its table keys, else None."""
        pk, sk = keys["PK"]["S"], keys["SK"]["S"]
        item_id = pk.removeprefix(self.collection.key_prefix)
        if sk != self.collection.sort_key or item_id == pk or not valid_id(item_id):
            return None
        return str(item_id)

    def _start_key(self, position: dict[str, Any]) -> dict[str, Any]:
        """A decoded cursor position back to an ExclusiveStartKey, checked field by field: it must be a
        position in this collection's list."""
        if set(position) != _CURSOR_KEYS or not all(isinstance(v, str) for v in position.values()):
            raise InvalidCursor("cursor position is not valid for this store")
        order = _ORDER_RE.fullmatch(position["ListSK"])
        if (
            order is None
            or not valid_id(order.group(1))
            or position["PK"] != self.collection.key_prefix + order.group(1)
            or position["SK"] != self.collection.sort_key
            or position["ListPK"] != self.collection.list_partition
        ):
            raise InvalidCursor("cursor position is not valid for this list")
        return {name: {"S": value} for name, value in position.items()}

    def _item_attributes(self, data: dict[str, Any]) -> dict[str, Any]:
        """A new record: version 1, no image, last in the creation order."""
        attributes = {
            **self._key(data["id"]),
            "data": serialize(data),
            "version": serialize(1),
            "ListPK": {"S": self.collection.list_partition},
            "ListSK": {"S": _order_key(data["id"])},
        }
        texts = search_texts(data, self.collection.search_fields)
        attributes.update({search_attribute(field): {"S": text} for field, text in texts.items()})
        return attributes

    def _data_clauses(self, expr: _Expr, data: dict[str, Any]) -> tuple[list[str], list[str]]:
        """SET the fields (one map: fields the new record drops vanish) and the search copies."""
        sets = [f"{expr.n('data')} = {expr.v(data)}"]
        removes: list[str] = []
        fields = self.collection.search_fields
        texts = search_texts(data, fields)
        for field in fields:
            attribute = expr.n(search_attribute(field))
            if field in texts:
                sets.append(f"{attribute} = {expr.v(texts[field])}")
            else:
                removes.append(attribute)
        return sets, removes

    @staticmethod
    def _record(attributes: Mapping[str, Any]) -> dict[str, Any]:
        record: dict[str, Any] = deserialize(attributes["data"])
        for name in ("version", "image"):
            if name in attributes:
                record[name] = deserialize(attributes[name])
        return record


def _filter_expression(expr: _Expr, filters: Filters) -> str:
    """The DynamoDB twin of `Filters.matches` (common.py)."""
    parts: list[str] = []
    if filters.tags:
        tags = f"{expr.n('data')}.{expr.n('tags')}"
        parts.append(f"attribute_type({tags}, {expr.v('L')})")
        parts.extend(f"contains({tags}, {expr.v(tag)})" for tag in filters.tags)
    if filters.status is not None:
        parts.append(f"{expr.n('data')}.{expr.n('status')} = {expr.v(filters.status)}")
    if filters.q is not None:
        q = expr.v(filters.q)
        found = [f"contains({expr.n(search_attribute(field))}, {q})" for field in filters.search_fields]
        parts.append(f"({' OR '.join(found)})")
    return " AND ".join(parts)


def store_from_env(collection: Collection = ITEMS) -> DynamoItemStore:
    """The store of `collection` in TABLE_NAME (no AWS call here: the process-wide client comes on first
    use, shared by every store)."""
    table = os.environ.get("TABLE_NAME", "")
    if not table:
        raise ValueError("STORAGE=dynamodb needs TABLE_NAME (the DynamoDB table of items)")
    return DynamoItemStore(table, collection=collection)
