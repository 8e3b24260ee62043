"""One supplier's records in the programmes, for its dashboard page: declarations received,
CMRTs per year, climate per year, chemical surveys, events its people attended, awards."""
from __future__ import annotations

from sva.hq.programmes import declarations
from sva.hq.storage import Tx


def supplier_records(tx: Tx, code: str, lang: str) -> dict:
    receipts = [{**r, "title": declarations.title(r["decl_type"], lang, short=True)}
                for r in tx.all("SELECT decl_type, version, received_on, signed_by, file_name "
                                "FROM declaration_receipts WHERE supplier_code = ? "
                                "ORDER BY received_on DESC", (code,))]
    cmrt = tx.all("SELECT r.fy, r.template_version, r.file_name, COUNT(s.smelter_id) AS "
                  "smelters FROM cmrt_reports r LEFT JOIN cmrt_smelters s ON s.supplier_code = "
                  "r.supplier_code AND s.fy = r.fy WHERE r.supplier_code = ? GROUP BY r.fy, "
                  "r.template_version, r.file_name ORDER BY r.fy DESC", (code,))
    climate = tx.all("SELECT fy, cdp_invited, cdp_responded, cdp_score, co2_t, co2_method, "
                     "co2_validated, green_status FROM climate_records WHERE supplier_code = ? "
                     "ORDER BY fy DESC", (code,))
    chemicals = tx.all("SELECT fy, product_family, regulation, status, substance, exemption "
                       "FROM chemical_surveys WHERE supplier_code = ? ORDER BY fy DESC, "
                       "product_family, regulation", (code,))
    events = tx.all("SELECT e.held_on, e.title, COUNT(*) AS people FROM dissemination_attendees "
                    "a JOIN dissemination_events e ON e.id = a.event_id WHERE a.supplier_code = "
                    "? GROUP BY e.id, e.held_on, e.title ORDER BY e.held_on DESC", (code,))
    awards = tx.all("SELECT e.held_on, w.award FROM dissemination_awards w JOIN "
                    "dissemination_events e ON e.id = w.event_id WHERE w.supplier_code = ? "
                    "ORDER BY e.held_on DESC", (code,))
    return {"receipts": receipts, "cmrt": cmrt, "climate": climate, "chemicals": chemicals,
            "events": events, "awards": awards,
            "any": any((receipts, cmrt, climate, chemicals, events, awards))}
