// A file compiled into the binary (see cmake/embed.cmake).
#pragma once

#include <string>

namespace satstore {

struct EmbeddedFile {
    std::string name;      // file name without directory, e.g. "0001_init.sql"
    std::string contents;
};

}  // namespace satstore
