"""Run sheets in the layouts producers really send, written on demand into a folder."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import openpyxl

FR_ROWS = [
    # Heure, Durée, Séquence, Intervenant, Ville, Notes
    (
        time(16, 0),
        time(0, 5),
        "Bienvenue",
        "Mariana Flores Mayen",
        "Metropolis",
        "Rappeler l'enregistrement",
    ),
    (time(16, 5), time(0, 10), "Introduction par AL-las", "Proyecto AL-las", "AL-las", None),
    (time(16, 15), time(0, 12), "Ville d'Afrique du Nord", "Représentante", "Rabat", None),
    (time(16, 27), time(0, 12), "Ville d'Europe", "Représentant", "Barcelone", None),
    (
        time(16, 39),
        time(0, 12),
        "Ville d'Amérique du Nord",
        "Représentante",
        "Montréal",
        "Il est 10 h à Montréal",
    ),
    (time(16, 51), time(0, 25), "Questions & Réponses", "Mariana Flores Mayen", None, None),
    (time(17, 16), time(0, 8), "Conclusions par AL-las", "Proyecto AL-las", None, None),
    (time(17, 24), time(0, 6), "Clôture", None, None, "Merci à tous"),
]


def french_xlsx(folder: Path, name: str = "conducteur.xlsx") -> Path:
    """A producer's French sheet: a title line, a blank row, then the table, real time cells."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Conducteur"
    ws["A1"] = "Conducteur – Webinaire Internationalisation et espaces métropolitains"
    ws["A2"] = "Jeudi 25 février 2027"
    ws.append([])
    ws.append(["Heure", "Durée", "Séquence", "Intervenant", "Ville", "Notes"])
    for row in FR_ROWS:
        ws.append(list(row))
        r = ws.max_row
        ws.cell(r, 1).number_format = "hh:mm"
        ws.cell(r, 2).number_format = "[h]:mm"
    ws.append([time(17, 30), None, "Fin du webinaire"])
    ws.cell(ws.max_row, 1).number_format = "hh:mm"
    path = folder / name
    wb.save(path)
    return path


def english_csv(folder: Path, name: str = "runsheet.csv") -> Path:
    text = (
        "Start,End,Title,Speaker,Organisation,Notes\n"
        "9:00 AM,9:05 AM,Welcome,Jane Doe,City of Lyon,\n"
        '9:05 AM,9:20 AM,Keynote,Ana Silva,Lisbon,"Slides, then demo"\n'
        ",,,,,\n"
        "9:20 AM,9:30 AM,Coffee break,,,\n"
        "9:30 AM,9:55 AM,Q&A,Jane Doe,,\n"
        "10:00 AM,10:05 AM,Closing,Jane Doe,,Thank sponsors\n"
    )
    path = folder / name
    path.write_text(text, encoding="utf-8-sig")
    return path


def ontime_xlsx(folder: Path, name: str = "ontime-export.xlsx") -> Path:
    """Ontime-like export: its column names, durations as text, extra columns."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Ontime · Rundown export"])
    ws.append(
        [
            "Time Start",
            "Time End",
            "Duration",
            "Cue",
            "Title",
            "Note",
            "Colour",
            "Warning Time",
            "Danger Time",
            "Skip",
        ]
    )
    start = datetime(2027, 2, 25, 14, 0)
    rows = [
        ("Opening", 10, "", 2, 1),
        ("Panel discussion", 45, "Mics check", 5, 1),
        ("Break", 15, "", None, None),
        ("Questions", 20, "", 3, 1),
    ]
    for i, (title, minutes, note, warning, danger) in enumerate(rows, start=1):
        end = start + timedelta(minutes=minutes)
        ws.append(
            [
                start.strftime("%H:%M:%S"),
                end.strftime("%H:%M:%S"),
                f"00:{minutes:02d}:00",
                str(i),
                title,
                note,
                "#FF0000",
                f"00:{warning:02d}:00" if warning else None,
                f"00:{danger:02d}:00" if danger else None,
                "FALSE",
            ]
        )
        start = end
    path = folder / name
    wb.save(path)
    return path


def semicolon_cp1252_csv(folder: Path, name: str = "deroule.csv") -> Path:
    """What French Excel saves as 'CSV (séparateur : point-virgule)': cp1252 and ;."""
    text = (
        "Déroulé du webinaire;;;;\r\n"
        ";;;;\r\n"
        "Début;Durée (min);Titre;Intervenant;Type\r\n"
        "16h00;5;Accueil des participants;Mariana Flores;\r\n"
        "16h05;1h05;Table ronde « Villes et monde »;Élise Müller;\r\n"
        "17h10;90s;Pause;;\r\n"
        "17h15;0:10:00;Questions et réponses;;qr\r\n"
        "17h25;5 min;Clôture;Mariana Flores;\r\n"
    )
    path = folder / name
    path.write_bytes(text.encode("cp1252"))
    return path
