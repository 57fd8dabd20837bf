# Dependencies point inward (STYLE.md rule 1): core knows nothing of I/O, the server and the
# client know nothing of each other. Checked at configure time so a violation fails the build.
function(satstore_forbid_includes dir)
  file(GLOB_RECURSE sources "${dir}/*.cpp" "${dir}/*.hpp" "${dir}/*.h")
  foreach(src IN LISTS sources)
    file(STRINGS "${src}" lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
      foreach(pattern IN LISTS ARGN)
        if(line MATCHES "${pattern}")
          message(FATAL_ERROR "layering: ${src} includes '${line}' (forbidden in ${dir}: ${pattern})")
        endif()
      endforeach()
    endforeach()
  endforeach()
endfunction()

satstore_forbid_includes("${CMAKE_SOURCE_DIR}/src/core"
  "server/" "client/" "imgui" "emscripten" "restinio" "sqlite" "pqxx" "libpq"
  "<fstream>" "<iostream>" "<cstdio>" "<stdio.h>" "<filesystem>" "<thread>" "<chrono>" "<random>")
satstore_forbid_includes("${CMAKE_SOURCE_DIR}/src/server" "client/" "imgui" "emscripten")
satstore_forbid_includes("${CMAKE_SOURCE_DIR}/src/client" "server/" "restinio" "sqlite" "pqxx")
# Screens and widgets draw and record intents (STYLE.md): no request header, no API module, no
# platform I/O. The loop's feature code (src/client/*_requests.cpp) does the I/O.
foreach(_dir IN ITEMS screens ui)
  satstore_forbid_includes("${CMAKE_SOURCE_DIR}/src/client/${_dir}"
    "_requests\\.hpp" "api/client\\.hpp" "platform/web_platform" "platform/web_extra" "platform/file_picker"
    "platform/private_files")
endforeach()
