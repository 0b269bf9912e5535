//! MSOnline's objects and rules, independent of where the directory lives.

pub mod administrative_units;
pub mod company;
pub mod contacts;
pub mod country;
pub mod devices;
pub mod dir_sync;
pub mod dir_sync_features;
pub mod directory_settings;
pub mod domain_federation;
pub mod domains;
pub mod fault;
pub mod groups;
pub mod licensing;
pub mod model;
pub mod password;
pub mod phone;
pub mod query;
pub mod requests;
pub mod roles;
pub mod service_principals;
pub mod text;
pub mod time;
pub mod user_rules;
