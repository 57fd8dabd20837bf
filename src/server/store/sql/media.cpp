// SQL backend: product images and their renditions (issue 20).
#include <nlohmann/json.hpp>

#include "core/media.hpp"
#include "server/store/sql/sql_store.hpp"

namespace satstore::server::sql {

bool SqlStore::save_media(const NewMedia& m) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    Stmt exists(db, "SELECT 1 FROM media_images WHERE hash = ?");
    exists.bind(1, m.image.hash);
    if (exists.step()) return false;
    const MediaImage& i = m.image;
    Stmt image(db,
               "INSERT INTO media_images(hash, mime, width, height, widest, size, original, uploaded_by, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    image.bind(1, i.hash).bind(2, i.mime).bind(3, std::int64_t{i.width}).bind(4, std::int64_t{i.height})
        .bind(5, std::int64_t{i.widest}).bind(6, i.size).bind_blob(7, m.original).bind(8, i.uploaded_by)
        .bind(9, i.created_at_unix_s);
    image.step();
    for (const MediaRendition& r : m.renditions) {
        Stmt rendition(db, "INSERT INTO media_renditions(hash, width, height, data) VALUES (?, ?, ?, ?)");
        rendition.bind(1, i.hash).bind(2, std::int64_t{r.width}).bind(3, std::int64_t{r.height}).bind_blob(4, r.webp);
        rendition.step();
    }
    const std::string ref = satstore::media::media_ref(i.hash, i.widest);
    append_audit(db, {0, i.created_at_unix_s, i.uploaded_by, m.actor_email, "media.upload", ref, nullptr,
                      {{"id", ref}, {"mime", i.mime}, {"width", i.width}, {"height", i.height}, {"size", i.size},
                       {"renditions", m.renditions.size()}}});
    tx.commit();
    return true;
}

std::optional<MediaImage> SqlStore::media_image(std::string_view hash) {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT hash, mime, width, height, widest, size, uploaded_by, created_at FROM media_images WHERE hash = ?");
    s.bind(1, hash);
    if (!s.step()) return std::nullopt;
    return MediaImage{s.text(0), s.text(1), static_cast<int>(s.integer(2)), static_cast<int>(s.integer(3)),
                      static_cast<int>(s.integer(4)), s.integer(5), s.text(6), s.integer(7)};
}

std::optional<std::string> SqlStore::media_rendition(std::string_view hash, int width) {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT data FROM media_renditions WHERE hash = ? AND width = ?");
    s.bind(1, hash).bind(2, std::int64_t{width});
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

}  // namespace satstore::server::sql
