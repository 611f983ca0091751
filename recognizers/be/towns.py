"""Belgian towns that chat users type in lower case after a postcode ("9000 gent").

Not exhaustive: the larger municipalities and Brussels communes, in their Dutch and French
names, stored lower-case and without accents (compare with ``strip_accents``). A capitalised town
is recognised without this list; the list only lets a lower-case one count.
"""

from __future__ import annotations

from recognizers.nl.common import word_set

BELGIAN_TOWNS: frozenset[str] = word_set(
    """
    aalst alost aarschot aat ath andenne anderlecht ans antwerpen anvers arlon aarlen asse auderghem
    oudergem bastogne bastenaken berchem beringen beveren bilzen binche blankenberge boom borgerhout
    braine-l'alleud eigenbrakel braine-le-comte brasschaat bree bredene brugge bruges brussel
    bruxelles brussels bouillon chatelet charleroi chimay ciney couvin de-panne deinze dendermonde
    termonde deurne diest diksmuide dilbeek dinant doornik tournai durbuy edegem eeklo ekeren
    enghien edingen etterbeek eupen evere evergem fleurus flemalle forest vorst ganshoren geel
    gembloux genk gent gand geraardsbergen grammont gosselies grimbergen halle hal hamme hannut
    harelbeke hasselt heist-op-den-berg herentals herstal herve hoboken huy hoei ieper ypres
    ixelles elsene izegem jambes jette jodoigne jumet kapellen knokke knokke-heist koekelberg
    koksijde kontich kortrijk courtrai kraainem laeken laken landen leuven louvain libramont lier
    lierre liege luik lokeren lommel louvain-la-neuve maaseik maasmechelen machelen malmedy
    marche-en-famenne marcinelle mechelen malines menen menin merksem middelkerke mol molenbeek
    mons bergen mortsel mouscron moeskroen namur namen neerpelt neufchateau nieuwpoort nivelles
    nijvel ninove oostende ostende oudenaarde audenarde overijse peer philippeville poperinge
    rixensart roeselare roulers ronse renaix saint-gilles sint-gillis saint-josse sint-joost
    sambreville schaerbeek schaarbeek schoten seraing sint-niklaas sint-truiden saint-trond soignies
    zinnik spa stavelot temse tervuren thuin tielt tienen tirlemont tongeren tongres torhout
    tubize tubeke turnhout uccle ukkel verviers veurne furnes vilvoorde vilvorde virton vise wezet
    waregem waremme borgworm waterloo watermael-boitsfort watermaal-bosvoorde wavre waver wemmel
    wetteren wezembeek-oppem wilrijk woluwe woluwe-saint-lambert sint-lambrechts-woluwe
    woluwe-saint-pierre sint-pieters-woluwe zaventem zele zottegem zwevegem
    """
)
