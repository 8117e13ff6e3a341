/* Embeds the lexicon compiled by tools/mklexicon.c (see lexicon.h). The build
 * passes NG_LEXICON_BIN, the path of the generated file. */
#define STR2(x) #x
#define STR(x) STR2(x)
    .section .rodata
    .balign 16
    .global ng_lexicon_blob
    .global ng_lexicon_blob_end
    .hidden ng_lexicon_blob
    .hidden ng_lexicon_blob_end
ng_lexicon_blob:
    .incbin STR(NG_LEXICON_BIN)
ng_lexicon_blob_end:
    .byte 0
    .section .note.GNU-stack,"",@progbits
