target_sources(runlens_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/importer.h
    ${CMAKE_CURRENT_LIST_DIR}/live_window.h
    ${CMAKE_CURRENT_LIST_DIR}/metric_summaries.cpp
    ${CMAKE_CURRENT_LIST_DIR}/metric_summaries.h
    ${CMAKE_CURRENT_LIST_DIR}/registry.cpp
    ${CMAKE_CURRENT_LIST_DIR}/runlens/runlens_importer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/runlens/runlens_importer.h
    ${CMAKE_CURRENT_LIST_DIR}/scoped_sink.cpp
    ${CMAKE_CURRENT_LIST_DIR}/scoped_sink.h
    ${CMAKE_CURRENT_LIST_DIR}/source_opener.cpp
    ${CMAKE_CURRENT_LIST_DIR}/source_opener.h
    ${CMAKE_CURRENT_LIST_DIR}/source_scan.cpp
    ${CMAKE_CURRENT_LIST_DIR}/source_scan.h
    ${CMAKE_CURRENT_LIST_DIR}/workspace_update.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workspace_update.h
)
# One file per format, each owned by that format's work.
include(${CMAKE_CURRENT_LIST_DIR}/wandb/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/mlflow/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/tensorboard/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/csv/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/predictions/sources.cmake)
