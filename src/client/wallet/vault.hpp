// satstore client — the wallet vault: the 32-byte secret key encrypted under the buyer's payment
// password (PAYMENT.md "At rest in the browser"). Pure computation over strings: the caller
// stores the blob (localStorage) and supplies nothing random — the vault draws its salt and nonce
// from the platform CSPRNG (libsodium's randombytes → getentropy → crypto.getRandomValues).
//
// Blob: {"v":1,"kdf":"argon2id13","ops":N,"mem":BYTES,"salt":hex16,"nonce":hex24,"box":hex48,
//        "pubkey":hex64}. The KDF cost travels in the blob so a later change of defaults still
// opens old vaults. `pubkey` is public and lets the UI show the wallet without the password.
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

// Encrypts `seckey32` under `password` (non-empty). Returns the JSON blob, or nullopt when the
// key is not a valid secret key or the KDF cannot allocate its memory.
std::optional<std::string> seal(const payment::Bytes32& seckey32, const std::string& password,
                                KdfCost cost = {});

enum class OpenError { malformed, wrong_password, out_of_memory };

struct Opened {
    std::optional<payment::Bytes32> seckey32;  // set on success
    OpenError error = OpenError::malformed;     // meaningful without seckey32
};

// Decrypts a blob made by seal(). A wrong password (or a tampered blob) gives wrong_password;
// a blob that is not the v1 shape gives malformed.
Opened open(const std::string& blob_json, const std::string& password);

// The public key recorded in a blob, "" when the blob is malformed.
std::string blob_pubkey(const std::string& blob_json);

// Overwrites a secret in memory (sodium_memzero: not optimised away).
void wipe(payment::Bytes32& secret);

}  // namespace satstore::client::wallet
