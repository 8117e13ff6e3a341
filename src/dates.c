#include "internal.h"
#include <stdio.h>
void find_dates(ng_doc *doc) { (void)doc; }
int parse_iso_date(const char *s, ymd *out) { return sscanf(s, "%d-%d-%d", &out->year, &out->month, &out->day) == 3 ? 0 : -1; }
