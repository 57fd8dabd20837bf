-- satstore schema v14: products with options and variants (issue 20). Price, stock, SKU and an
-- optional image move to the variant; the product keeps its text, gallery, options and a
-- status (draft, active, archived). Every existing product becomes a product with one variant
-- (its id "var_" + the product id's suffix) and no options; orders keep their lines, which
-- now also name the variant. Stock movements are kept per variant.

ALTER TABLE products RENAME TO products_v1;

CREATE TABLE products (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,  -- list order and cursor
    id              TEXT NOT NULL UNIQUE,
    category        TEXT NOT NULL REFERENCES categories(slug),
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'archived')),
    title_en        TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    title_zh        TEXT NOT NULL,
    description_zh  TEXT NOT NULL,
    images_json     TEXT NOT NULL DEFAULT '[]',
    options_json    TEXT NOT NULL DEFAULT '[]',
    search_text     TEXT NOT NULL DEFAULT '',           -- the variants' SKUs, for the search box
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX products_status ON products(status, seq);

CREATE TABLE variants (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT NOT NULL UNIQUE,
    product_id      TEXT NOT NULL REFERENCES products(id),
    position        INTEGER NOT NULL,
    sku             TEXT NOT NULL UNIQUE,
    options_json    TEXT NOT NULL DEFAULT '[]',
    price_minor     INTEGER NOT NULL CHECK (price_minor > 0),
    price_currency  TEXT NOT NULL,
    stock           INTEGER NOT NULL CHECK (stock >= 0),
    image           TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX variants_product ON variants(product_id, position);

INSERT INTO products(seq, id, category, status, title_en, description_en, title_zh, description_zh, images_json,
                     options_json, search_text, created_at, updated_at)
    SELECT seq, id, category, 'active', title_en, description_en, title_zh, description_zh, images_json, '[]', sku,
           created_at, updated_at
    FROM products_v1 ORDER BY seq;
INSERT INTO variants(id, product_id, position, sku, options_json, price_minor, price_currency, stock, image, created_at,
                     updated_at)
    SELECT 'var_' || substr(id, 5), id, 0, sku, '[]', price_minor, price_currency, stock, '', created_at, updated_at
    FROM products_v1 ORDER BY seq;
DROP TABLE products_v1;

ALTER TABLE order_lines ADD COLUMN variant_id TEXT NOT NULL DEFAULT '';
ALTER TABLE order_lines ADD COLUMN variant TEXT NOT NULL DEFAULT '';
UPDATE order_lines SET variant_id = 'var_' || substr(product_id, 5);
CREATE INDEX order_lines_variant ON order_lines(variant_id);

-- Every change of a variant's stock: staff adjustments (received, damaged, correction) with the
-- stock after it, and the takes and releases of orders (order, cancel; stock_after NULL: they
-- update the stock row last, without reading it back).
CREATE TABLE stock_movements (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    variant_id      TEXT NOT NULL,
    at              INTEGER NOT NULL,
    delta           INTEGER NOT NULL,
    stock_after     INTEGER,
    reason          TEXT NOT NULL,
    actor_id        TEXT NOT NULL DEFAULT '',
    actor_email     TEXT NOT NULL DEFAULT '',
    ref             TEXT NOT NULL DEFAULT '',            -- order number, note
    note            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stock_movements_variant ON stock_movements(variant_id, seq);

-- Bumped by every staff change to the catalog (products, variants, prices, stock adjustments,
-- imports) in the change's transaction: each server process watches it and drops its cached
-- catalog pages when it moves (jobs.cpp CatalogWatch). Orders move stock without bumping it:
-- their stock shows within the cache's max age, and checkout re-checks stock in the database.
INSERT INTO counters(name, value) VALUES ('catalog_version', 0);
