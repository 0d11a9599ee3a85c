target_sources(runlens_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/image_bytes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/image_bytes.h
    ${CMAKE_CURRENT_LIST_DIR}/json_value.cpp
    ${CMAKE_CURRENT_LIST_DIR}/json_value.h
    ${CMAKE_CURRENT_LIST_DIR}/natural_order.cpp
    ${CMAKE_CURRENT_LIST_DIR}/natural_order.h
    ${CMAKE_CURRENT_LIST_DIR}/parse_number.cpp
    ${CMAKE_CURRENT_LIST_DIR}/parse_number.h
    ${CMAKE_CURRENT_LIST_DIR}/progress.cpp
    ${CMAKE_CURRENT_LIST_DIR}/progress.h
    ${CMAKE_CURRENT_LIST_DIR}/result.h
)
