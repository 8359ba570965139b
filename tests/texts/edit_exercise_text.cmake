# Plays a course author: copies the exercises' Markdown texts (-DSOURCE) to -DCOPY and rewrites one sentence of
# 01.1's "The idea", the way someone fixing the wording would. tests/CMakeLists.txt embeds the copy and links it
# into a second CLI, lab_edited_texts.
file(REMOVE_RECURSE ${COPY})
file(GLOB_RECURSE texts RELATIVE ${SOURCE} ${SOURCE}/*/[0-9][0-9]_[0-9]_*.md)
foreach(text IN LISTS texts)
  get_filename_component(folder ${COPY}/${text} DIRECTORY)
  file(COPY ${SOURCE}/${text} DESTINATION ${folder})
endforeach()
set(edited ${COPY}/01_transformers/01_1_positional_encoding.md)
file(READ ${edited} markdown)
string(FIND "${markdown}" "Attention has no notion of order" at)
if(at EQUAL -1)
  message(FATAL_ERROR "01.1's text no longer says \"Attention has no notion of order\": update ${CMAKE_CURRENT_LIST_FILE}")
endif()
string(REPLACE "Attention has no notion of order" "Self-attention on its own cannot tell word order" markdown
       "${markdown}")
file(WRITE ${edited} "${markdown}")
