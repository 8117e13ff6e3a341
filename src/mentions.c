#include "internal.h"
void find_mentions(ng_doc *doc) { (void)doc; }
