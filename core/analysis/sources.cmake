# analysis: headless statistics over stored data (confusion matrices of prediction tables, joins of a table across runs).
target_sources(runlens_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/confusion.cpp
    ${CMAKE_CURRENT_LIST_DIR}/confusion.h
    ${CMAKE_CURRENT_LIST_DIR}/parameter_importance.cpp
    ${CMAKE_CURRENT_LIST_DIR}/parameter_importance.h
    ${CMAKE_CURRENT_LIST_DIR}/prediction_columns.cpp
    ${CMAKE_CURRENT_LIST_DIR}/prediction_columns.h
    ${CMAKE_CURRENT_LIST_DIR}/row_groups.cpp
    ${CMAKE_CURRENT_LIST_DIR}/row_groups.h
    ${CMAKE_CURRENT_LIST_DIR}/sweep_axes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sweep_axes.h
    ${CMAKE_CURRENT_LIST_DIR}/sweep_brush.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sweep_brush.h
    ${CMAKE_CURRENT_LIST_DIR}/table_join.cpp
    ${CMAKE_CURRENT_LIST_DIR}/table_join.h
)
