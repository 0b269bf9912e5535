//! Standard encodings (RFC 3986 percent-encoding, RFC 4648 base64, RFC 7468 PEM, the X.509
//! SubjectPublicKeyInfo) shared by the bridge and the Graph simulator. They know nothing of
//! MSOnline or Graph, so sharing them carries no client knowledge into the simulator.

pub mod base64;
pub mod pem;
pub mod percent;
