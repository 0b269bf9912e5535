//! Mail contacts in the local tenant.

use super::*;

impl Store {
    pub fn contacts(&self) -> FaultResult<Vec<Contact>> {
        self.read(|conn| {
            let mut statement = conn
                .prepare_cached("SELECT data FROM contacts ORDER BY display_name, object_id")
                .map_err(sql)?;
            let rows = statement
                .query_map([], |row| row.get::<_, String>(0))
                .map_err(sql)?;
            rows.map(|r| from_json::<Contact>(&r.map_err(sql)?))
                .collect()
        })
    }

    pub fn contact(&self, id: Uuid) -> FaultResult<Contact> {
        self.read(|conn| {
            load_contact(conn, id)?.ok_or_else(|| Fault::ContactNotFound(id.to_string()))
        })
    }
}

pub(super) fn load_contact(conn: &Connection, id: Uuid) -> FaultResult<Option<Contact>> {
    let data: Option<String> = conn
        .query_row(
            "SELECT data FROM contacts WHERE object_id = ?1",
            [id.to_string()],
            |row| row.get(0),
        )
        .optional()
        .map_err(sql)?;
    data.map(|d| from_json(&d)).transpose()
}

pub(super) fn save_contact(conn: &Connection, contact: &Contact) -> FaultResult<()> {
    conn.execute(
        "INSERT INTO contacts (object_id, display_name, data) VALUES (?1, ?2, ?3)",
        params![
            contact.object_id.to_string(),
            contact.display_name,
            to_json(contact).map_err(Fault::Unexpected)?
        ],
    )
    .map_err(sql)?;
    Ok(())
}
