# satstore_embed_files(<output.cpp> <namespace> <symbol> FILES <file>...)
# Generates a C++ source that defines
#   const std::vector<satstore::EmbeddedFile>& <namespace>::<symbol>()
# holding each file's name (without directory) and contents, sorted by name. Regenerated when
# any input changes, so SQL migrations and shaders live as plain files in the tree.
set(SATSTORE_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake")

function(satstore_embed_files output namespace symbol)
  cmake_parse_arguments(ARG "" "" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" -DOUTPUT=${output} -DNAMESPACE=${namespace} -DSYMBOL=${symbol}
            "-DFILES=${ARG_FILES}" -P "${SATSTORE_EMBED_SCRIPT}"
    DEPENDS ${ARG_FILES} "${SATSTORE_EMBED_SCRIPT}"
    COMMENT "Embedding ${symbol}"
    VERBATIM)
endfunction()
