/* fuzz_reply_json.c - fuzz_reply with the JSON object of every reply
 * checked by a strict parser (json_check.h): one valid line each. Its
 * inputs are kept short (tests/fuzz/run.sh), as each reply's object
 * costs far more than finding it. */
#define FUZZ_REPLY_JSON 1
#include "fuzz_reply.c"
