-- satstore schema v15: product images (issue 20). An uploaded image is kept under the SHA-256
-- of its bytes (hex), with its WebP renditions, one per width of core/media.hpp
-- rendition_widths(width). Both are immutable: the same bytes uploaded again are the same row.

CREATE TABLE media_images (
    hash            TEXT PRIMARY KEY,       -- SHA-256 of the original file, 64 lowercase hex digits
    mime            TEXT NOT NULL,          -- image/png, image/jpeg, image/webp (sniffed)
    width           INTEGER NOT NULL,       -- after EXIF rotation
    height          INTEGER NOT NULL,
    widest          INTEGER NOT NULL,       -- width of the widest rendition
    size            INTEGER NOT NULL,       -- bytes of the original
    original        BLOB NOT NULL,          -- kept so renditions can be made again at other widths
    uploaded_by     TEXT NOT NULL REFERENCES users(id),
    created_at      INTEGER NOT NULL
);

CREATE TABLE media_renditions (
    hash            TEXT NOT NULL REFERENCES media_images(hash),
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    data            BLOB NOT NULL,          -- WebP, metadata stripped
    PRIMARY KEY (hash, width)
);
