target_sources(runlens_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/artifact.h
    ${CMAKE_CURRENT_LIST_DIR}/prediction_table.cpp
    ${CMAKE_CURRENT_LIST_DIR}/prediction_table.h
    ${CMAKE_CURRENT_LIST_DIR}/run_info.cpp
    ${CMAKE_CURRENT_LIST_DIR}/run_info.h
    ${CMAKE_CURRENT_LIST_DIR}/run_sink.h
    ${CMAKE_CURRENT_LIST_DIR}/series.cpp
    ${CMAKE_CURRENT_LIST_DIR}/series.h
    ${CMAKE_CURRENT_LIST_DIR}/step_media.cpp
    ${CMAKE_CURRENT_LIST_DIR}/step_media.h
    ${CMAKE_CURRENT_LIST_DIR}/summary_media.cpp
    ${CMAKE_CURRENT_LIST_DIR}/summary_media.h
    ${CMAKE_CURRENT_LIST_DIR}/value.cpp
    ${CMAKE_CURRENT_LIST_DIR}/value.h
)
