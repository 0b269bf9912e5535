//! Integration tests: a real bridge on port 0 with a temporary tenant, driven over HTTP, and the
//! real binary driven through its command line. All in one test binary.

mod administrative_units;
mod batch;
mod cli;
mod company;
mod conformance;
mod contacts;
mod crash;
mod devices;
mod dir_sync_errors;
mod dir_sync_features;
mod directory_settings;
mod domain_federation;
mod domains;
mod errors;
mod files;
mod graph;
mod hardening;
mod helpers;
mod lists;
mod mfa;
mod roles_groups;
mod security;
mod service_principals;
mod users;
