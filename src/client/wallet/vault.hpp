// satstore client — the wallet vault: the 32-byte secret key encrypted under the buyer's payment
// password (PAYMENT.md "At rest in the browser"). Pure computation over strings: the caller
// stores the blob (localStorage, one per account) and supplies nothing random — the vault draws
// its salt and nonce from the platform CSPRNG (libsodium's randombytes → getentropy →
// crypto.getRandomValues).
//
// Blob v2: {"v":2,"kdf":"argon2id13","ops":N,"mem":BYTES,"salt":hex16,"nonce":hex24,
//           "pubkey":hex64,"user":"usr_…","check":hex32,"box":hex48}.
//   key   = argon2id13(password, salt, ops, mem)
//   box   = XChaCha20-Poly1305(key, nonce, secret key; associated data = JCS of every member but
//           "box" and "check") — the KDF cost, the public key and the account are authenticated:
//           changing any of them makes the box fail to open.
//   check = BLAKE2b-128(key = key, "satstore wallet password check"): tells a wrong password
//           (check differs) from a changed header (check matches, box does not open). It gives a
//           password guesser nothing the box does not: each guess still costs the KDF.
// The KDF cost travels in the blob so a later change of defaults still opens old vaults, but
// open() refuses a cost below its minimum (the creation default): a tampered blob cannot make the
// next unlock cheap to brute-force. `pubkey` is public and lets the UI show the wallet without
// the password.
//
// Blob v1 (before issue 17) had no "user" or "check" and a secretbox over the key alone; open()
// still reads it — with the same minimum cost, and only when the decrypted key's public key is
// the recorded one — and says so (Opened::upgrade), so that the caller seals it again as v2.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/payment.hpp"

namespace satstore::client::wallet {

// KDF cost: libsodium's OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE (2 passes, 64 MiB).
// Measured in Chromium (wasm, swiftshader machine, 2 vCPU): see vault.cpp.
struct KdfCost {
    std::uint64_t ops = 2;
    std::uint64_t mem_bytes = 64ull << 20;
};

// Fills `out` with `n` bytes from the platform CSPRNG. Aborts if the platform has none (a
// wallet without randomness must never be created).
void random_bytes(std::uint8_t* out, std::size_t n);

// A fresh secret key: 32 random bytes, redrawn until payment::xonly_pubkey_hex accepts them.
payment::Bytes32 new_secret_key();

// Encrypts `seckey32` under `password` (non-empty) for the account `user_id` (non-empty).
// Returns the v2 JSON blob, or nullopt when the key is not a valid secret key, an argument is
// empty, or the KDF cannot allocate its memory.
std::optional<std::string> seal(const payment::Bytes32& seckey32, const std::string& password,
                                const std::string& user_id, KdfCost cost = {});

enum class OpenError {
    malformed,       // not a v1 or v2 blob
    wrong_password,  // the password does not open it
    out_of_memory,   // the KDF could not allocate
    untrusted,       // the blob was changed: a KDF cost below the minimum, another account,
                     // or a header (cost, public key, account) that the box does not authenticate
};

struct Opened {
    std::optional<payment::Bytes32> seckey32;  // set on success
    OpenError error = OpenError::malformed;     // meaningful without seckey32
    bool upgrade = false;                       // opened a v1 blob: seal it again as v2
};

// Decrypts a blob made by seal() for `user_id`, refusing (untrusted) any KDF cost below
// `minimum` — tests pass a cheaper minimum, the app never does.
Opened open(const std::string& blob_json, const std::string& password, const std::string& user_id,
            KdfCost minimum = {});

// The public key recorded in a blob, "" when the blob is malformed. Not authenticated: for
// display only until open() has checked it.
std::string blob_pubkey(const std::string& blob_json);

// Overwrites a secret in memory (sodium_memzero: not optimised away).
void wipe(payment::Bytes32& secret);

}  // namespace satstore::client::wallet
