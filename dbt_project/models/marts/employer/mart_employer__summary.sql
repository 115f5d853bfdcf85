{#-
  What each employer with collective contracts receives, in plain words (French first, English
  alongside): the breakdown chosen for it, why it is not finer, and that masked cells are hidden to
  protect individuals. Which cells end up masked is only known after the publication gate's
  secondary suppression, so the statement says how cells are protected, not how many are.
-#}
{%- set k = disclosure_param('employer', 'k') -%}
{%- set min_employers = disclosure_param('employer', 'benchmark_min_employers') -%}
{%- set s = dbt.type_string() -%}
{%- set year_s = 'cast(coverage_year as ' ~ s ~ ')' -%}
{#- The status is decided once, in int_employers__coverage (reported, too_small_to_report, no_closed_period),
    from the members covered in the year the report is about (coverage_year); the gate may only turn
    reported into nothing_publishable when suppression leaves no own figure (governance/employer_report). -#}
with levels as (
    select distinct
        employer_siret,
        generalisation_level,
        period_grain,
        age_band_width,
        sex_level
    from {{ ref('int_disclosure__employer_consumption') }}
),

described as (
    select
        coverage.employer_siret,
        coverage.report_status,
        coverage.coverage_year,
        coverage.covered_members,
        coverage.years_under_k,
        levels.generalisation_level,
        levels.period_grain,
        levels.age_band_width,
        levels.sex_level,
        case levels.period_grain when 'quarter' then 'trimestre' when 'month' then 'mois' else 'année' end
            as period_fr,
        case levels.period_grain when 'quarter' then 'quarter' when 'month' then 'month' else 'year' end
            as period_en,
        case when levels.age_band_width = 0 then 'tous âges confondus'
             else {{ dbt.concat(["'tranche d''âge de '", "cast(levels.age_band_width as " ~ s ~ ")", "' ans'"]) }} end
            as age_fr,
        case when levels.age_band_width = 0 then 'all ages together'
             else {{ dbt.concat(["cast(levels.age_band_width as " ~ s ~ ")", "'-year age band'"]) }} end
            as age_en,
        case when levels.sex_level = 'sex' then 'sexe' else 'les deux sexes ensemble' end as sex_fr,
        case when levels.sex_level = 'sex' then 'sex' else 'both sexes together' end as sex_en
    from {{ ref('int_employers__coverage') }} as coverage
    left join levels on coverage.employer_siret = levels.employer_siret
)

select
    cast(employer_siret as {{ s }}) as employer_siret,
    cast(report_status as {{ s }}) as report_status,
    cast(coverage_year as integer) as care_year,
    cast(generalisation_level as integer) as generalisation_level,
    cast(period_grain as {{ s }}) as period_grain,
    cast(age_band_width as integer) as age_band_width,
    cast(sex_level as {{ s }}) as sex_level,
    cast(case
        when report_status = 'too_small_to_report' then {{ dbt.concat([
            "'Trop petit pour un rapport : moins de " ~ k ~ " salariés couverts en '", year_s,
            "', aucun détail ne peut être publié sans décrire des personnes.'"
        ]) }}
        when report_status = 'no_closed_period' then
            'Aucune année de soins close pendant laquelle vous couvrez des salariés : rien à publier pour l''instant.'
        else {{ dbt.concat([
            "'Consommation de soins de vos salariés couverts par '", "period_fr", "', '", "age_fr", "', '", "sex_fr",
            "' et famille d''actes ; totaux annuels par famille d''actes ; comparaison mutualisée entre employeurs '",
            "'(au moins " ~ min_employers ~ " employeurs et " ~ k ~ " personnes par cellule). '",
            "'C''est le détail le plus fin où chaque groupe d''âge et de sexe compte au moins " ~ k ~ " salariés couverts. '",
            "case when years_under_k is not null then " ~ dbt.concat([
                "'Les années où vous couvriez moins de " ~ k ~ " salariés ('", "years_under_k",
                "') ne figurent pas dans le détail. '"]) ~ " else '' end",
            "'Les cellules masquées sont cachées pour protéger les personnes : moins de " ~ k ~ " personnes concernées, '",
            "'un montant porté pour l''essentiel par une ou deux personnes, ou une valeur qui permettrait d''en recalculer une autre.'"
        ]) }}
    end as {{ s }}) as statement_fr,
    cast(case
        when report_status = 'too_small_to_report' then {{ dbt.concat([
            "'Too small to report: fewer than " ~ k ~ " covered employees in '", year_s,
            "', so no breakdown can be published without describing individuals.'"
        ]) }}
        when report_status = 'no_closed_period' then
            'No closed year of care in which you cover employees: nothing to publish yet.'
        else {{ dbt.concat([
            "'Care consumption of your covered employees by '", "period_en", "', '", "age_en", "', '", "sex_en",
            "' and act family; yearly totals by act family; a comparison pooled across employers '",
            "'(at least " ~ min_employers ~ " employers and " ~ k ~ " people per cell). '",
            "'This is the finest breakdown in which every age and sex group counts at least " ~ k ~ " covered employees. '",
            "case when years_under_k is not null then " ~ dbt.concat([
                "'The years in which you covered fewer than " ~ k ~ " employees ('", "years_under_k",
                "') are not in the breakdown. '"]) ~ " else '' end",
            "'Masked cells are hidden to protect individuals: fewer than " ~ k ~ " people concerned, '",
            "'an amount carried mostly by one or two people, or a value that would let another one be recomputed.'"
        ]) }}
    end as {{ s }}) as statement_en,
    cast(case when report_status = 'reported' then covered_members end as bigint) as member_count,
    cast({{ k }} as integer) as min_cell_size,
    cast(case when report_status = 'reported' then 'none' else 'masked' end as {{ s }}) as masking
from described
