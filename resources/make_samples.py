"""Write resources/sample_runsheet_fr.xlsx: the seed webinar's run sheet as a French
producer writes it (a title line and the date above the header, real time cells,
an end row). Run from the repository root: python resources/make_samples.py
"""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

import openpyxl
from openpyxl.styles import Font, PatternFill

HERE = Path(__file__).resolve().parent


def build(target: Path) -> Path:
    show = json.loads((HERE / "default_show.json").read_text(encoding="utf-8"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Conducteur"
    ws["A1"] = f"Conducteur – {show['title']}"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Jeudi 25/02/2027 – 16h00 (heure de Paris) – modération : " + show["moderator"]
    ws.append([])
    ws.append(["Heure", "Durée", "Séquence", "Intervenant", "Ville", "Notes"])
    for cell in ws[4]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F3A5F")
    minutes = 16 * 60
    for seg in show["segments"]:
        duration = seg["planned_duration_s"] // 60
        ws.append(
            [
                time(minutes // 60, minutes % 60),
                time(duration // 60, duration % 60),
                seg["title"],
                seg["speaker"],
                seg["organisation"],
                seg["notes"],
            ]
        )
        ws.cell(ws.max_row, 1).number_format = "hh:mm"
        ws.cell(ws.max_row, 2).number_format = "[h]:mm"
        minutes += duration
    ws.append([time(minutes // 60, minutes % 60), None, "Fin du webinaire"])
    ws.cell(ws.max_row, 1).number_format = "hh:mm"
    for col, width in zip("ABCDEF", (8, 8, 70, 24, 26, 80), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A5"
    wb.save(target)
    return target


if __name__ == "__main__":
    print(build(HERE / "sample_runsheet_fr.xlsx"))
