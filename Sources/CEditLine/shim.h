#if __has_include(<histedit.h>)
#include <stdio.h>
#include <histedit.h>
#else
#error "libedit headers not found: install them with 'apt-get install libedit-dev'"
#endif
