# Embeds the GLSL sources into a C++ header at build time (cmake -P script).
# Inputs: -DVERT=<file> -DFRAG=<file> -DOUT=<header>. The header defines two string constants in
# namespace satstore::client::shaders; edit shaders/*.vert|frag, never the generated header.
file(READ "${VERT}" vert_src)
file(READ "${FRAG}" frag_src)
foreach(src IN ITEMS vert_src frag_src)
  if("${${src}}" MATCHES "\\)glsl\"")
    message(FATAL_ERROR "shader source contains the raw-string delimiter )glsl\"")
  endif()
endforeach()
set(content "// Generated from shaders/ by shaders/embed.cmake. Do not edit.\n#pragma once\n\nnamespace satstore::client::shaders {\n\ninline constexpr const char* kImguiVert = R\"glsl(${vert_src})glsl\";\n\ninline constexpr const char* kImguiFrag = R\"glsl(${frag_src})glsl\";\n\n}  // namespace satstore::client::shaders\n")
file(WRITE "${OUT}.tmp" "${content}")
execute_process(COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${OUT}.tmp" "${OUT}")
file(REMOVE "${OUT}.tmp")
