using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>New-MsolAdministrativeUnit: creates an administrative unit and returns it.</summary>
    [Cmdlet(VerbsCommon.New, "MsolAdministrativeUnit", SupportsShouldProcess = true)]
    [OutputType(typeof(AdministrativeUnit))]
    public class NewAdministrativeUnit : MsolCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)] public string DisplayName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Description { get; set; }

        protected override object Target()
        {
            return DisplayName;
        }

        protected override void ProcessOne()
        {
            if (!ShouldProcess(DisplayName, "New-MsolAdministrativeUnit")) return;
            Submit<AdministrativeUnit>(BoundBody(), DisplayName, unit => WriteObject(unit));
        }
    }
}
