//! msol-bridge: MSOnline's operations with MSOnline's semantics, over a local tenant or Microsoft Graph.

pub mod api;
pub mod app;
pub mod certificate;
pub mod cli;
pub mod commands;
pub mod config;
pub mod directory;
pub mod domain;
pub mod graph;
pub mod graph_seed;
pub mod output;
pub mod package;
pub mod run;
pub mod schema;
pub mod secret;
pub mod tenant;
