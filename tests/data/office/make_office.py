#!/usr/bin/env python3
"""Writes the office fixtures for tests/ingest/office_reader_test.cc (Python standard library only).

    python3 tests/data/office/make_office.py [OUTPUT_FOLDER]    # default: this script's folder

The output is byte-for-byte reproducible (fixed time stamps), so the committed files can be regenerated and
compared. Files:

  letter_vi.docx        a Vietnamese letter as Word writes it: header and footer parts (first-page and default
                        headers alike, plus an even-page header the settings do not enable, which must not
                        be read), runs split mid-word, proofing marks, a tracked insertion and deletion, a
                        field, a footnote, a table of deliveries with a header row, a text box given twice
                        (DrawingML and VML fallback)
  note_fr.odt           the French counterpart as LibreOffice writes it: master-page header and footer, spans
                        split mid-word, <text:s>, tab, line break, a list, a table, a footnote, a comment
  truncated.docx        letter_vi.docx cut short
  not_a_document.zip    a zip of a text file and a picture
  malformed.docx        letter_vi.docx with word/document.xml cut mid-element
  encrypted.docx        the OLE compound file Office writes for a password-protected document (header and
                        directory only; the encrypted package is filler)
  legacy.doc            a Word 97-2003 file's OLE header and directory
  encrypted.odt         an ODT whose manifest declares its parts encrypted
  spreadsheet.ods       a spreadsheet, not a text document
  bomb.docx             word/document.xml inflating 20 MiB from a few KiB
  oversized.docx        word/document.xml declaring 100 MiB uncompressed in the zip directory
"""

import io
import os
import struct
import sys
import zipfile

STAMP = (2021, 8, 16, 9, 0, 0)


def make_zip(parts, stored=()):
    """parts: list of (name, text or bytes). Names in `stored` are not compressed (ODF's mimetype)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


# --- DOCX ------------------------------------------------------------------------------------------------

W_NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'mc:Ignorable="w14"')

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
RPR = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/><w:lang w:val="vi-VN"/></w:rPr>'
RPR_B = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:b/><w:sz w:val="26"/></w:rPr>'


def run(text, rpr=RPR):
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r>{rpr}<w:t{space}>{text}</w:t></w:r>"


def para(*content, align=None):
    ppr = f'<w:pPr><w:jc w:val="{align}"/><w:tabs><w:tab w:val="left" w:pos="1440"/></w:tabs></w:pPr>' if align else ""
    return f'<w:p w14:paraId="1A2B3C4D" w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">{ppr}{"".join(content)}</w:p>'


def cell(*paragraphs, width=2000):
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{"".join(paragraphs)}</w:tc>'


def row(*cells, header=False):
    trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return f'<w:tr w:rsidR="00A1B2C3">{trpr}{"".join(cells)}</w:tr>'


TABLE = (
    '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9000" w:type="dxa"/><w:tblLook w:val="04A0"/></w:tblPr>'
    '<w:tblGrid><w:gridCol w:w="800"/><w:gridCol w:w="2400"/><w:gridCol w:w="2400"/><w:gridCol w:w="3400"/></w:tblGrid>'
    + row(cell(para(run("STT", RPR_B))), cell(para(run("Ngày tiếp nhận", RPR_B))),
          cell(para(run("Số liều", RPR_B))), cell(para(run("Địa điểm", RPR_B))), header=True)
    + row(cell(para(run("1"))), cell(para(run("16/6/2021"))), cell(para(run("1.000.000"))),
          cell(para(run("Hà N"), run("ội"))))
    + row(cell(para(run("2"))), cell(para(run("01/7/2021"))), cell(para(run("1.000.000"))),
          cell(para(run("TP. Hồ Chí Minh"))))
    + row(cell(para(run("3"))), cell(para(run("08/7/2021"))), cell(para(run("1.000.000"))),
          cell(para(run("Sân bay Nội Bài")), para(), para(run("(Hà Nội)"))))
    + "</w:tbl>")

TEXT_BOX_PARAGRAPHS = para(run("Ghi chú: số liệu tính đến ngày 16/8/2021"))
TEXT_BOX = (
    '<w:p w:rsidR="00A1B2C3"><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
    'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:extent cx="5486400" cy="457200"/><wp:docPr id="1" name="Text Box 1"/>'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
    f'<wps:txbx><w:txbxContent>{TEXT_BOX_PARAGRAPHS}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
    '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"/>'
    '<v:shape id="Text Box 1" o:spid="_x0000_s1026" type="#_x0000_t202" style="width:6in;height:36pt">'
    f'<v:textbox><w:txbxContent>{TEXT_BOX_PARAGRAPHS}</w:txbxContent></v:textbox></v:shape></w:pict>'
    '</mc:Fallback></mc:AlternateContent></w:r></w:p>')

DOCUMENT = (
    XML_DECL + f'<w:document {W_NS}><w:body>'
    + para(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RPR_B), align="center")
    + para(run("Độc lập - Tự do - H", RPR_B), run("ạnh phúc", RPR_B), align="center")
    + para('<w:bookmarkStart w:id="0" w:name="_GoBack"/>', run("Hà N"), run("ội, ngày 16 tháng 8 năm 2021"),
           '<w:bookmarkEnd w:id="0"/>', align="right")
    + para(run("Kính gửi:"), "<w:r><w:tab/></w:r>", run("Đại sứ quán Nhật Bản tại Việt Nam"), align="left")
    + para(run("V/v: tiếp nhận vaccine AstraZeneca"), "<w:r><w:br/></w:r>", run("do Chính phủ Nhật Bản trao tặng"))
    + para(run("Bộ Ngoại gi"), run("ao nước Cộng hòa xã hội chủ nghĩa Việt Nam gửi lời chào trân tr"),
           '<w:proofErr w:type="spellStart"/>', run("ọng tới Đại sứ quán Nhật Bản và xin thông báo việc "),
           '<w:proofErr w:type="spellEnd"/>',
           '<w:del w:id="1" w:author="Chuyên viên" w:date="2021-08-16T08:00:00Z"><w:r><w:delText>chưa </w:delText></w:r></w:del>',
           '<w:ins w:id="2" w:author="Chuyên viên" w:date="2021-08-16T08:00:00Z">' + run("đã ") + "</w:ins>",
           run("tiếp nhận các lô vaccine AstraZeneca do Chính phủ Nhật Bản trao tặng"),
           '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
           run("."))
    + para(run("Các lô vaccine đã được tiếp nhận như sau:"))
    + TABLE
    + TEXT_BOX
    + para(run("Bộ Ngoại giao nhân dịp này xin gửi tới Đại sứ quán Nhật Bản lời chào trân trọng./."))
    + para()
    + para(run("TL. BỘ TRƯỞNG", RPR_B), align="right")
    + '<w:sectPr w:rsidR="00A1B2C3"><w:headerReference w:type="even" r:id="rId10"/>'
      '<w:headerReference w:type="default" r:id="rId8"/><w:footerReference w:type="default" r:id="rId11"/>'
      '<w:headerReference w:type="first" r:id="rId9"/>'
      '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" '
      'w:header="709" w:footer="709" w:gutter="0"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>'
    + "</w:body></w:document>")

HEADER = (XML_DECL + f'<w:hdr {W_NS}>' + para(run("BỘ NGOẠI GIAO", RPR_B))
          + para(run("Số: 45"), run("21/BNG-LT")) + "</w:hdr>")
UNUSED_HEADER = XML_DECL + f'<w:hdr {W_NS}>' + para(run("TRANG CHẴN KHÔNG DÙNG")) + "</w:hdr>"
FOOTER = (XML_DECL + f'<w:ftr {W_NS}>' + para(run("Địa chỉ: Số 1 Tôn Thất Đàm, Ba Đình, Hà Nội"))
          + para(run("Trang "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                 '<w:r><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r>',
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run("1"),
                 '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
          + "</w:ftr>")
FOOTNOTES = (
    XML_DECL + f'<w:footnotes {W_NS}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1">' + para('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>',
                                   run(" Theo Công hàm số 123/2021 của Đại sứ quán Nhật Bản."))
    + "</w:footnote></w:footnotes>")

CONTENT_TYPES = (
    XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    + "".join(f'<Override PartName="/word/header{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
              for i in (1, 2, 3))
    + '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>")

PACKAGE_RELS = (
    XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>")

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DOCUMENT_RELS = (
    XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}settings" Target="settings.xml"/>'
    f'<Relationship Id="rId6" Type="{REL}footnotes" Target="footnotes.xml"/>'
    f'<Relationship Id="rId7" Type="{REL}hyperlink" Target="https://mofa.gov.vn/" TargetMode="External"/>'
    f'<Relationship Id="rId8" Type="{REL}header" Target="header1.xml"/>'
    f'<Relationship Id="rId9" Type="{REL}header" Target="header2.xml"/>'
    f'<Relationship Id="rId10" Type="{REL}header" Target="/word/header3.xml"/>'
    f'<Relationship Id="rId11" Type="{REL}footer" Target="footer1.xml"/>'
    "</Relationships>")

SETTINGS = (XML_DECL + f'<w:settings {W_NS}><w:zoom w:percent="100"/><w:proofState w:spelling="clean" w:grammar="clean"/>'
            '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            '</w:settings>')

STYLES = (XML_DECL + f'<w:styles {W_NS}><w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
          '<w:name w:val="Normal"/></w:style></w:styles>')

CORE = (
    XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>Về việc tiếp nhận vaccine AstraZeneca do Nhật Bản trao tặng</dc:title>"
    "<dc:creator>Vụ Lễ tân</dc:creator><cp:lastModifiedBy>Chuyên viên</cp:lastModifiedBy><cp:revision>3</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2021-08-16T01:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2021-08-16T02:00:00Z</dcterms:modified>'
    "</cp:coreProperties>")

APP = (XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
       'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
       "<Template>Normal.dotm</Template><Application>Microsoft Office Word</Application></Properties>")


def docx_parts(document=DOCUMENT):
    # Word's own order of parts in the archive.
    return [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/footnotes.xml", FOOTNOTES),
        ("word/header1.xml", HEADER),
        ("word/header2.xml", HEADER),
        ("word/header3.xml", UNUSED_HEADER),
        ("word/footer1.xml", FOOTER),
        ("word/settings.xml", SETTINGS),
        ("word/styles.xml", STYLES),
        ("docProps/core.xml", CORE),
        ("docProps/app.xml", APP),
    ]


# --- ODT -------------------------------------------------------------------------------------------------

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'office:version="1.3"')
ODF_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'


def odf_cell(text):
    return f'<table:table-cell office:value-type="string"><text:p text:style-name="P3">{text}</text:p></table:table-cell>'


CONTENT = (
    ODF_DECL + f'<office:document-content {ODF_NS}><office:scripts/><office:font-face-decls/>'
    '<office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/>'
    "</style:style></office:automatic-styles>"
    "<office:body><office:text>"
    '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Illustration"/></text:sequence-decls>'
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">Note verbale</text:h>'
    '<text:p text:style-name="P1">Paris, le 3 septembre 2021</text:p>'
    '<text:p text:style-name="P2">Réf.<text:s/>:<text:s text:c="3"/>N° 2021-457</text:p>'
    '<text:p text:style-name="P2">Objet :<text:tab/>don de vaccins au Viet Nam</text:p>'
    '<text:p text:style-name="P2">L\'Ambassade de France au Vi<text:span text:style-name="T1">et Nam</text:span> présente ses '
    "compliments au Ministère des Affaires étrangères<text:line-break/>1 Tôn Thất Đàm, Hà Nội"
    '<office:annotation><dc:creator>Rédacteur</dc:creator><text:p>à relire</text:p></office:annotation>'
    "</text:p>"
    "<text:p text:style-name=\"P2\">\n      et a l'honneur de l'informer que la France fait don\n      "
    '<text:span text:style-name="T1">des</text:span> <text:span text:style-name="T1">doses suivantes</text:span>'
    '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
    "<text:note-body><text:p text:style-name=\"Footnote\">Selon l'accord du 12 juillet 2021.</text:p></text:note-body>"
    "</text:note> :</text:p>"
    '<text:list text:style-name="L1"><text:list-item><text:p>500 000 doses de vaccin AstraZeneca</text:p></text:list-item>'
    "<text:list-item><text:p>200 000 doses de vaccin Pfizer</text:p></text:list-item></text:list>"
    '<table:table table:name="Livraisons" table:style-name="Tableau1">'
    '<table:table-column table:style-name="Tableau1.A" table:number-columns-repeated="3"/>'
    "<table:table-header-rows><table:table-row>" + odf_cell("Date") + odf_cell("Vaccin") + odf_cell("Doses")
    + "</table:table-row></table:table-header-rows>"
    "<table:table-row>" + odf_cell("10/09/2021") + odf_cell("Astra<text:span>Zeneca</text:span>") + odf_cell("500 000")
    + "</table:table-row>"
    "<table:table-row>" + odf_cell("24/09/2021") + odf_cell("Pfizer") + odf_cell("200 000") + "</table:table-row>"
    "</table:table>"
    "<text:p text:style-name=\"P2\">L'Ambassade saisit cette occasion pour renouveler au Ministère les assurances "
    "de sa haute considération.</text:p>"
    '<text:p text:style-name="P2"/>'
    "</office:text></office:body></office:document-content>")

ODF_STYLES = (
    ODF_DECL + f'<office:document-styles {ODF_NS}><office:styles/><office:automatic-styles/>'
    '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
    '<style:header><text:p text:style-name="Header">Ambassade de France au Viêt Nam</text:p></style:header>'
    '<style:header-left style:display="false"><text:p>EN-TÊTE PAIRE MASQUÉE</text:p></style:header-left>'
    '<style:footer><text:p text:style-name="Footer">57 Trần Hưng Đạo, Hà Nội – page '
    '<text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>'
    "</style:master-page></office:master-styles></office:document-styles>")

META = (ODF_DECL + f'<office:document-meta {ODF_NS} xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">'
        "<office:meta><meta:generator>LibreOffice/7.3</meta:generator>"
        "<dc:title>Note verbale n° 2021-457</dc:title><dc:language>fr-FR</dc:language></office:meta>"
        "</office:document-meta>")

MANIFEST = (
    ODF_DECL + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>")

ENCRYPTED_MANIFEST = MANIFEST.replace(
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="4242">'
    '<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" '
    'manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" '
    'manifest:initialisation-vector="AAAA"/><manifest:key-derivation manifest:key-derivation-name="PBKDF2" '
    'manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/></manifest:encryption-data>'
    "</manifest:file-entry>")


def odt(mimetype="application/vnd.oasis.opendocument.text", content=CONTENT, manifest=MANIFEST):
    return make_zip([("mimetype", mimetype), ("content.xml", content), ("styles.xml", ODF_STYLES),
                     ("meta.xml", META), ("META-INF/manifest.xml", manifest)], stored=("mimetype",))


# --- OLE compound files ------------------------------------------------------------------------------------

def ole(stream_names):
    """An OLE compound file's header sector and one directory sector naming `stream_names`; filler after."""
    header = bytearray(512)
    header[0:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    struct.pack_into("<HHHHH", header, 24, 0x003E, 0x0003, 0xFFFE, 0x0009, 0x0006)
    struct.pack_into("<I", header, 48, 1)  # first directory sector
    directory = bytearray()
    for name in ["Root Entry"] + stream_names:
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry[0:len(encoded)] = encoded
        struct.pack_into("<H", entry, 64, len(encoded))
        entry[66] = 5 if name == "Root Entry" else 2
        directory += entry
    directory += bytes(512 - len(directory) % 512) if len(directory) % 512 else b""
    return bytes(header) + bytes(directory) + bytes(range(256)) * 8


# --- Zip surgery -----------------------------------------------------------------------------------------

def declare_size(archive, name, size):
    """Rewrites the uncompressed size `name` declares in its local header and central directory entry."""
    data = bytearray(archive)
    encoded = name.encode()
    for signature, size_offset, name_length_offset, name_offset in ((b"PK\x03\x04", 22, 26, 30),
                                                                    (b"PK\x01\x02", 24, 28, 46)):
        at = data.find(signature)
        while at >= 0:
            name_length = struct.unpack_from("<H", data, at + name_length_offset)[0]
            if data[at + name_offset:at + name_offset + name_length] == encoded:
                struct.pack_into("<I", data, at + size_offset, size)
            at = data.find(signature, at + 4)
    return bytes(data)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    letter = make_zip(docx_parts())
    bomb_body = (XML_DECL + f'<w:document {W_NS}><w:body>' + "<w:p/>" * (20 * 1024 * 1024 // 6)
                 + para(run("cuối")) + "</w:body></w:document>")
    files = {
        "letter_vi.docx": letter,
        "note_fr.odt": odt(),
        "truncated.docx": letter[:len(letter) * 3 // 5],
        "not_a_document.zip": make_zip([("ghi_chu.txt", "Danh sách khách mời dự tiệc chiêu đãi\n"),
                                        ("anh/le_tiep_nhan.jpg", b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00" + bytes(64))]),
        "malformed.docx": make_zip(docx_parts(DOCUMENT[:len(DOCUMENT) // 2])),
        "encrypted.docx": ole(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]),
        "legacy.doc": ole(["WordDocument", "1Table", "\x05SummaryInformation"]),
        "encrypted.odt": odt(manifest=ENCRYPTED_MANIFEST),
        "spreadsheet.ods": odt(mimetype="application/vnd.oasis.opendocument.spreadsheet"),
        "bomb.docx": make_zip(docx_parts(bomb_body)),
        "oversized.docx": declare_size(letter, "word/document.xml", 100 * 1024 * 1024),
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
