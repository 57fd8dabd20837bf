// satstore server — password hashing, bearer tokens and random ids (libsodium).
#pragma once

#include <string>
#include <string_view>

namespace satstore::server::secrets {

// Initializes libsodium. Call once at start-up before any other function here; returns false
// if the library cannot be initialized (no usable randomness source).
bool init();

// argon2id hash in libsodium's self-describing string form (interactive limits: 2 passes,
// 64 MiB). Throws std::runtime_error if memory cannot be allocated.
std::string hash_password(std::string_view password);

// Checks a password against a stored hash in constant time relative to the password.
bool verify_password(std::string_view stored_hash, std::string_view password);

// Spends the same work as a real verification against a fixed hash; used when the account does
// not exist so that response time does not reveal which emails are registered.
void burn_password_check(std::string_view password);

// A new bearer token: 32 random bytes, base64url without padding (43 characters).
std::string new_token();

// Lowercase hex SHA-256 of a token: what the database stores.
std::string token_hash(std::string_view token);

// "<prefix>_" followed by 20 random lowercase hex characters, e.g. "usr_436ba980ad9efe5de963".
std::string new_id(std::string_view prefix);

}  // namespace satstore::server::secrets
