# Predictions files (CSV/TSV, JSON Lines) opened directly as a prediction table.
target_sources(runlens_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/predictions_file.cpp
    ${CMAKE_CURRENT_LIST_DIR}/predictions_file.h
    ${CMAKE_CURRENT_LIST_DIR}/predictions_importer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/predictions_importer.h
)
