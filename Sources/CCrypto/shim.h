// OpenSSL's libcrypto (Debian's libssl-dev): SHA-256 for the pins of installed policies.
#include <openssl/sha.h>
