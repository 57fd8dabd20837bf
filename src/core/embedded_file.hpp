// A file compiled into a binary (see cmake/embed.cmake): SQL migrations, BIP-39 word lists.
#pragma once

#include <string>

namespace satstore {

struct EmbeddedFile {
    std::string name;      // file name without directory, e.g. "0001_init.sql"
    std::string contents;
};

}  // namespace satstore
