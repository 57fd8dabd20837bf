# Third-party libraries compiled from the Debian source packages in .deps/ (scripts/setup.sh),
# plus the header-only ones from Debian's -dev packages (they serve both builds).

if(EMSCRIPTEN)
  # The Emscripten toolchain only searches its sysroot, and /usr/include must never reach em++
  # (glibc headers would shadow Emscripten's libc): expose just Debian's header-only folders.
  set(_header_root "${CMAKE_BINARY_DIR}/header-only-include")
  file(MAKE_DIRECTORY "${_header_root}")
  foreach(_lib nlohmann doctest)
    if(NOT EXISTS "/usr/include/${_lib}")
      message(FATAL_ERROR "/usr/include/${_lib} is missing: run scripts/setup.sh")
    endif()
    file(CREATE_LINK "/usr/include/${_lib}" "${_header_root}/${_lib}" SYMBOLIC)
  endforeach()
  add_library(nlohmann_json INTERFACE)
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
  target_include_directories(nlohmann_json SYSTEM INTERFACE "${_header_root}")
  add_library(doctest INTERFACE)
  add_library(doctest::doctest ALIAS doctest)
  target_include_directories(doctest SYSTEM INTERFACE "${_header_root}")
else()
  find_package(nlohmann_json 3 REQUIRED)
  find_package(doctest REQUIRED)
endif()

# --- libsecp256k1 0.2.0 with the schnorrsig and extrakeys modules -----------------------------
# Flags from TOOLCHAIN.md: in wasm32 these give sign 50 µs / verify 45 µs and a 114 KB wasm.
set(_secp "${SATSTORE_DEPS_DIR}/libsecp256k1")
if(NOT EXISTS "${_secp}/include/secp256k1_schnorrsig.h")
  message(FATAL_ERROR "libsecp256k1 sources missing in ${_secp}: run scripts/setup.sh")
endif()
add_library(secp256k1 STATIC
  "${_secp}/src/secp256k1.c"
  "${_secp}/src/precomputed_ecmult.c"
  "${_secp}/src/precomputed_ecmult_gen.c")
target_include_directories(secp256k1 SYSTEM PUBLIC "${_secp}/include" PRIVATE "${_secp}" "${_secp}/src")
target_compile_definitions(secp256k1 PRIVATE
  ENABLE_MODULE_SCHNORRSIG=1 ENABLE_MODULE_EXTRAKEYS=1
  ECMULT_WINDOW_SIZE=8 ECMULT_GEN_PREC_BITS=2)
if(EMSCRIPTEN)
  target_compile_definitions(secp256k1 PRIVATE USE_FORCE_WIDEMUL_INT64=1)
endif()
set_target_properties(secp256k1 PROPERTIES C_STANDARD 90 POSITION_INDEPENDENT_CODE ON)
target_compile_options(secp256k1 PRIVATE -w -O3)

# --- Dear ImGui 1.86 (wasm client only) -------------------------------------------------------
if(EMSCRIPTEN)
  set(_imgui "${SATSTORE_DEPS_DIR}/imgui")
  if(NOT EXISTS "${_imgui}/imgui.h")
    message(FATAL_ERROR "imgui sources missing in ${_imgui}: run scripts/setup.sh")
  endif()
  add_library(imgui STATIC
    "${_imgui}/imgui.cpp" "${_imgui}/imgui_draw.cpp"
    "${_imgui}/imgui_tables.cpp" "${_imgui}/imgui_widgets.cpp")
  target_include_directories(imgui SYSTEM PUBLIC "${_imgui}")
  # The accessibility mirror is built on ImGui's item hooks (see src/client/a11y).
  # IMGUI_USE_WCHAR32: code points above U+FFFF (emoji, CJK Extension B names) are characters too.
  target_compile_definitions(imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE IMGUI_USE_WCHAR32 IMGUI_DISABLE_OBSOLETE_FUNCTIONS
    IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS)
  target_compile_options(imgui PRIVATE -w)
endif()

# --- libsodium 1.0.18 for wasm (the client's wallet encryption: argon2id + secretbox) -------
# Built with its own autotools under emconfigure/emmake (TOOLCHAIN.md), once per build tree.
if(EMSCRIPTEN)
  set(_sodium_src "${SATSTORE_DEPS_DIR}/libsodium")
  set(_sodium_out "${CMAKE_BINARY_DIR}/libsodium-wasm")
  if(NOT EXISTS "${_sodium_src}/configure.ac")
    message(FATAL_ERROR "libsodium sources missing in ${_sodium_src}: run scripts/setup.sh")
  endif()
  add_custom_command(
    OUTPUT "${_sodium_out}/lib/libsodium.a"
    COMMAND "${CMAKE_SOURCE_DIR}/scripts/build_libsodium_wasm.sh" "${_sodium_src}" "${_sodium_out}"
    DEPENDS "${CMAKE_SOURCE_DIR}/scripts/build_libsodium_wasm.sh"
    COMMENT "Building libsodium for wasm (about a minute, once)"
    VERBATIM)
  add_custom_target(sodium_wasm_build DEPENDS "${_sodium_out}/lib/libsodium.a")
  file(MAKE_DIRECTORY "${_sodium_out}/include")
  add_library(sodium STATIC IMPORTED GLOBAL)
  set_target_properties(sodium PROPERTIES
    IMPORTED_LOCATION "${_sodium_out}/lib/libsodium.a"
    INTERFACE_INCLUDE_DIRECTORIES "${_sodium_out}/include")
  add_dependencies(sodium sodium_wasm_build)
endif()

# --- Nayuki's QR Code generator 1.8.0 (wasm client only; account security, issue 7) -----------
# From the Debian source package qr-code-generator (scripts/setup.sh); only its C++ version.
if(EMSCRIPTEN)
  set(_qrcodegen "${SATSTORE_DEPS_DIR}/qr-code-generator/cpp")
  if(NOT EXISTS "${_qrcodegen}/qrcodegen.cpp")
    message(FATAL_ERROR "qrcodegen sources missing in ${_qrcodegen}: run scripts/setup.sh")
  endif()
  add_library(qrcodegen STATIC "${_qrcodegen}/qrcodegen.cpp")
  target_include_directories(qrcodegen SYSTEM PUBLIC "${_qrcodegen}")
  target_compile_options(qrcodegen PRIVATE -w -Os)
endif()
