// satstore core — payment authorization digests, signing and verification (PAYMENT.md v1).
//
// Hashes are BIP-340 tagged SHA-256 over RFC 8785 canonical JSON; signatures are BIP-340
// Schnorr via libsecp256k1. Pure computation: randomness (aux_rand32, nonces, keys) is always
// supplied by the caller.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace satstore::payment {

inline constexpr std::string_view kPaymentTag = "satstore/payment/v1";
inline constexpr std::string_view kOrderTag = "satstore/order/v1";
inline constexpr std::string_view kWalletBindTag = "satstore/wallet-bind/v1";

using Bytes32 = std::array<std::uint8_t, 32>;

// tagged_hash(tag, m) = SHA256(SHA256(tag) || SHA256(tag) || m).
Bytes32 tagged_hash(std::string_view tag, std::string_view message);

// tagged_hash(tag, JCS(value)). Returns nullopt when `value` cannot be canonicalized
// (it contains a floating-point number).
std::optional<Bytes32> digest_of(std::string_view tag, const nlohmann::json& value);

// Lowercase hex of the order-summary digest (the authorization's `order_digest`).
std::optional<std::string> order_digest_hex(const nlohmann::json& order_summary);

// The 32-byte x-only public key (lowercase hex) of a secret key.
// Returns nullopt if seckey32 is not a valid secp256k1 secret key.
std::optional<std::string> xonly_pubkey_hex(const Bytes32& seckey32);

// BIP-340 signature over a 32-byte digest, 64 bytes as lowercase hex. The same aux_rand32 gives
// the same signature (the test vectors rely on it). Returns nullopt for an invalid secret key.
std::optional<std::string> sign_digest(const Bytes32& digest32, const Bytes32& seckey32,
                                       const Bytes32& aux_rand32);

// Verifies a hex signature over a digest for a hex x-only public key. Malformed hex, a public
// key that is not on the curve, or a signature that does not verify all return false.
bool verify_digest(const Bytes32& digest32, std::string_view sig_hex, std::string_view pubkey_hex);

}  // namespace satstore::payment
