#include "internal.h"
void find_quotes(ng_doc *doc) { (void)doc; }
