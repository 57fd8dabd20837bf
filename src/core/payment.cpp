#include "core/payment.hpp"

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include "core/hex.hpp"
#include "core/jcs.hpp"

namespace satstore::payment {
namespace {

// One signing/verification context for the process, created on first use. Signing with a
// context that was never randomized is still constant-time; randomization is only a hardening.
const secp256k1_context* context() {
    static secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    return ctx;
}

}  // namespace

Bytes32 tagged_hash(std::string_view tag, std::string_view message) {
    Bytes32 out{};
    const int ok = secp256k1_tagged_sha256(
        context(), out.data(), reinterpret_cast<const unsigned char*>(tag.data()), tag.size(),
        reinterpret_cast<const unsigned char*>(message.data()), message.size());
    (void)ok;  // only fails on null pointers, which cannot happen here
    return out;
}

std::optional<Bytes32> digest_of(std::string_view tag, const nlohmann::json& value) {
    auto canonical = jcs::canonicalize(value);
    if (!canonical) return std::nullopt;
    return tagged_hash(tag, *canonical);
}

std::optional<std::string> order_digest_hex(const nlohmann::json& order_summary) {
    auto digest = digest_of(kOrderTag, order_summary);
    if (!digest) return std::nullopt;
    return hex::encode(digest->data(), digest->size());
}

std::optional<std::string> xonly_pubkey_hex(const Bytes32& seckey32) {
    secp256k1_keypair keypair;
    if (!secp256k1_keypair_create(context(), &keypair, seckey32.data())) return std::nullopt;
    secp256k1_xonly_pubkey xonly;
    if (!secp256k1_keypair_xonly_pub(context(), &xonly, nullptr, &keypair)) return std::nullopt;
    Bytes32 out{};
    secp256k1_xonly_pubkey_serialize(context(), out.data(), &xonly);
    return hex::encode(out.data(), out.size());
}

std::optional<std::string> sign_digest(const Bytes32& digest32, const Bytes32& seckey32,
                                       const Bytes32& aux_rand32) {
    secp256k1_keypair keypair;
    if (!secp256k1_keypair_create(context(), &keypair, seckey32.data())) return std::nullopt;
    std::array<std::uint8_t, 64> sig64{};
    if (!secp256k1_schnorrsig_sign32(context(), sig64.data(), digest32.data(), &keypair,
                                     aux_rand32.data()))
        return std::nullopt;
    return hex::encode(sig64.data(), sig64.size());
}

bool verify_digest(const Bytes32& digest32, std::string_view sig_hex, std::string_view pubkey_hex) {
    auto sig64 = hex::decode(sig_hex, 64);
    auto pub32 = hex::decode(pubkey_hex, 32);
    if (!sig64 || !pub32) return false;
    secp256k1_xonly_pubkey pubkey;
    if (!secp256k1_xonly_pubkey_parse(context(), &pubkey, pub32->data())) return false;
    return secp256k1_schnorrsig_verify(context(), sig64->data(), digest32.data(), digest32.size(),
                                       &pubkey) == 1;
}

}  // namespace satstore::payment
