using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolAdministrativeUnitMember: an administrative unit's users, groups and devices
    /// (250 unless -All or -MaxResults).</summary>
    [Cmdlet(VerbsCommon.Get, "MsolAdministrativeUnitMember", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(AdministrativeUnitMember))]
    public class GetAdministrativeUnitMember : MsolCmdlet
    {
        private const string ListSet = "ListAdministrativeUnitMembers__0";
        private const string AllSet = "All__0";

        // Mandatory here, as -GroupObjectId of Get-MsolGroupMember: see docs/semantics.md.
        [Parameter(Mandatory = true)] public Guid AdministrativeUnitObjectId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int MaxResults { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override object Target()
        {
            return AdministrativeUnitObjectId;
        }

        protected override void ProcessOne()
        {
            Stream<AdministrativeUnitMember>(BoundBody(), "administrative unit members", All.IsPresent);
        }
    }
}
